package live.devopstoolkit.resourcesync.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import live.devopstoolkit.resourcesync.search.embedding.Embedder;
import live.devopstoolkit.resourcesync.search.embedding.MiniLmEmbedder;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.inventory.SyncBatch;
import live.devopstoolkit.resourcesync.search.inventory.SyncOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request too large to embed before the sender's timeout is answered first and embedded behind.
 * The real model computes the vectors; the embedding-behind thread is held at a gate, so what holds
 * while records wait is seen, not raced: they are durable and found by words and filters, not yet
 * by meaning; a record changed or deleted meanwhile is not overwritten or brought back by the
 * stale chunk; and a restart resumes the wait.
 */
class EmbeddingBehindTest {

  static MiniLmEmbedder model;

  @TempDir
  Path dir;

  @BeforeAll
  static void open() {
    model = new MiniLmEmbedder();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  /** The real model, except that the embedding-behind thread waits until the gate opens. */
  private static Embedder gated(CountDownLatch gate) {
    return new Embedder() {
      @Override
      public int dimension() {
        return model.dimension();
      }

      @Override
      public List<float[]> embed(List<String> texts) {
        if (Thread.currentThread().getName().equals("embedding-behind")) {
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("closed while held at the gate", e);
          }
        }
        return model.embed(texts);
      }
    };
  }

  private static List<Resource> caches() {
    List<Resource> records = new ArrayList<>();
    for (String product : List.of("redis", "memcached", "valkey", "dragonfly", "varnish", "hazelcast")) {
      records.add(new Resource("cache", product + "-main", "StatefulSet", "apps/v1",
          Map.of("app.kubernetes.io/name", product), null, "2026-11-27T00:00:00Z", "2026-11-27T00:00:00Z"));
    }
    return records;
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(h -> h.resource().id()).toList();
  }

  private static SearchQuery question(String text, Mode mode) {
    return new SearchQuery(text, Filters.NONE, Map.of(), Map.of(), 1.0, Set.of(), 10, mode);
  }

  @Test
  void aLargeRequestIsHeldAtOnceFoundByMeaningOnceEmbeddedAndChangesMeanwhileWin() {
    CountDownLatch gate = new CountDownLatch(1);
    List<Resource> caches = caches();
    try (LuceneInventoryIndex index = new LuceneInventoryIndex(dir.resolve("index"), gated(gate), 3)) {
      SyncOutcome outcome = index.apply(new SyncBatch(caches, List.of(), true));
      assertThat(outcome.upserted()).isEqualTo(6);
      assertThat(outcome.embedded()).isZero();
      assertThat(outcome.embeddingBehind()).isEqualTo(6);
      assertThat(index.pending()).isEqualTo(6);
      assertThat(index.size()).isEqualTo(6);
      assertThat(index.kinds()).containsEntry("StatefulSet", 6);
      assertThat(ids(index.search(question("memcached", Mode.KEYWORD)))).contains("cache:apps/v1:StatefulSet:memcached-main");
      assertThat(index.search(question("in-memory cache", Mode.VECTOR))).as("no vectors yet").isEmpty();

      // While the chunk waits: one record changes (a small request, embedded at once), one is deleted.
      Resource changed = new Resource("cache", "redis-main", "StatefulSet", "apps/v1",
          Map.of("app.kubernetes.io/name", "redis", "team", "checkout"), null, "2026-11-27T00:00:00Z",
          "2026-11-27T01:00:00Z");
      Resource gone = caches.get(5);
      SyncOutcome small = index.apply(new SyncBatch(List.of(changed), List.of(gone.id()), false));
      assertThat(small.embedded()).isEqualTo(1);
      assertThat(small.embeddingBehind()).isZero();
      assertThat(index.pending()).isEqualTo(4);
      assertThat(ids(index.search(question("redis", Mode.VECTOR)))).containsExactly(changed.id());

      gate.countDown();
      await().atMost(Duration.ofMinutes(2)).until(() -> index.pending() == 0);
      assertThat(ids(index.search(question("in-memory cache", Mode.VECTOR))))
          .containsExactlyInAnyOrderElementsOf(caches.subList(0, 5).stream().map(Resource::id).toList());
      assertThat(index.find(Filters.NONE, 10)).hasSize(5).contains(changed).doesNotContain(gone, caches.get(0));
    }
  }

  @Test
  void recordsWaitingForVectorsAreEmbeddedAfterARestart() {
    CountDownLatch never = new CountDownLatch(1);
    List<Resource> caches = caches();
    try (LuceneInventoryIndex index = new LuceneInventoryIndex(dir.resolve("index"), gated(never), 3)) {
      assertThat(index.apply(new SyncBatch(caches, List.of(), true)).embeddingBehind()).isEqualTo(6);
    }
    try (LuceneInventoryIndex reopened = new LuceneInventoryIndex(dir.resolve("index"), model, 3)) {
      assertThat(reopened.size()).isEqualTo(6);
      await().atMost(Duration.ofMinutes(2)).until(() -> reopened.pending() == 0);
      assertThat(ids(reopened.search(question("in-memory cache", Mode.VECTOR))))
          .containsExactlyInAnyOrderElementsOf(caches.stream().map(Resource::id).toList());
    }
  }
}
