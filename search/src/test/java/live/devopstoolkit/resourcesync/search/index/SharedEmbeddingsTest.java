package live.devopstoolkit.resourcesync.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import live.devopstoolkit.resourcesync.search.embedding.MiniLmEmbedder;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.inventory.SyncBatch;
import live.devopstoolkit.resourcesync.search.ranking.ResourceText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model's time is most of indexing, so what is not embedded matters: replicas of one workload
 * share a vector within a request and across requests, and a question asked again is not embedded
 * again. Counted with the real model, not a stand-in, because the counts are the embedder's own.
 */
class SharedEmbeddingsTest {

  @TempDir
  static Path dir;
  static MiniLmEmbedder embedder;
  static LuceneInventoryIndex index;

  @BeforeAll
  static void open() {
    embedder = new MiniLmEmbedder();
    index = new LuceneInventoryIndex(dir.resolve("index"), embedder);
  }

  @AfterAll
  static void close() {
    index.close();
    embedder.close();
  }

  private static Resource pod(String name) {
    return pod("shop", name);
  }

  private static Resource pod(String namespace, String name) {
    return new Resource(namespace, name, "Pod", "v1", Map.of("app.kubernetes.io/name", "cart",
        "pod-template-hash", "7d9f8b6c5"), null, "2026-11-27T00:00:00Z", "2026-11-27T00:00:00Z");
  }

  @Test
  void replicasOfOneWorkloadAreEmbeddedOnce() {
    assertThat(ResourceText.forEmbedding(pod("cart-7d9f8b6c5-x2x4q"))).startsWith("pod cart ")
        .doesNotContain("7d9f8b6c5", "x2x4q");
    assertThat(ResourceText.forKeywords(pod("cart-7d9f8b6c5-x2x4q"))).contains("cart-7d9f8b6c5-x2x4q");

    var first = index.apply(new SyncBatch(List.of(pod("cart-7d9f8b6c5-x2x4q"), pod("cart-7d9f8b6c5-p9kzt")),
        List.of(), false));
    assertThat(first.upserted()).isEqualTo(2);
    assertThat(first.embedded()).as("two replicas in one request").isEqualTo(1);

    long before = embedder.embeddedCount();
    var later = index.apply(new SyncBatch(List.of(pod("cart-7d9f8b6c5-m4wqr")), List.of(), false));
    assertThat(later.embedded()).as("a third replica in a later request").isZero();
    assertThat(embedder.embeddedCount()).isEqualTo(before);
    assertThat(index.find(new Filters(Set.of("Pod"), "shop", null, Map.of()), 10)).hasSize(3);
  }

  @Test
  void aQuestionAskedAgainIsNotEmbeddedAgain() {
    index.apply(new SyncBatch(List.of(pod("web", "web-7d9f8b6c5-bcdfg")), List.of(), false));
    SearchQuery question = new SearchQuery("carts in the shop", Filters.NONE, Map.of(), Map.of(), 1.0, Set.of(), 5,
        Mode.VECTOR);
    List<Hit> asked = index.search(question);
    long before = embedder.embeddedCount();
    assertThat(index.search(question)).extracting(h -> h.resource().id())
        .containsExactlyElementsOf(asked.stream().map(h -> h.resource().id()).toList());
    assertThat(embedder.embeddedCount()).isEqualTo(before);
  }
}
