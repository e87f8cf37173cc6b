package live.devopstoolkit.resourcesync.search.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) run in-process by ONNX Runtime; the model file is
 * inside the Maven artifact, so nothing is fetched at run time. Batches are spread over a fixed
 * pool as wide as the CPUs the JVM sees, so embedding never takes more cores than it was given.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

  private final ExecutorService pool;
  private final AllMiniLmL6V2QuantizedEmbeddingModel model;
  private final AtomicLong embedded = new AtomicLong();

  public MiniLmEmbedder() {
    pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
      Thread thread = new Thread(r, "embedding");
      thread.setDaemon(true);
      return thread;
    });
    model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
  }

  @Override
  public int dimension() {
    return 384;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<Embedding> vectors = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
    embedded.addAndGet(texts.size());
    return vectors.stream().map(Embedding::vector).toList();
  }

  /** Texts embedded since start: how tests and metrics see that unchanged records are not re-embedded. */
  public long embeddedCount() {
    return embedded.get();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
