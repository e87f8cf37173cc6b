package live.devopstoolkit.resourcesync.search.embedding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of the questions asked most recently. An AI client asks the same question again
 * when it pages, retries or refines filters, and embedding it is the largest share of a query's
 * time; a hit costs a map lookup instead. Bounded (least recently used first out), so that a
 * stream of distinct questions cannot grow the heap.
 */
public final class RecentQuestions {

  private final Embedder embedder;
  private final Map<String, float[]> vectors;

  public RecentQuestions(Embedder embedder, int capacity) {
    this.embedder = embedder;
    this.vectors = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The question's vector; callers must not modify it, it is shared with later askers. */
  public float[] vector(String question) {
    synchronized (vectors) {
      float[] known = vectors.get(question);
      if (known != null) {
        return known;
      }
    }
    // Embedded outside the lock: two threads asking the same new question both embed it, which
    // costs less than making every other question wait.
    float[] vector = embedder.embed(question);
    synchronized (vectors) {
      vectors.put(question, vector);
    }
    return vector;
  }
}
