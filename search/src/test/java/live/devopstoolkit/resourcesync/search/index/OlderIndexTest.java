package live.devopstoolkit.resourcesync.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.search.embedding.Embedder;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.inventory.SyncBatch;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index written by an earlier version (its text hash stored only) still takes syncs. */
class OlderIndexTest {

  @TempDir
  Path dir;

  @Test
  void anIndexWhoseTextHashWasStoredOnlyTakesNewRecords() throws Exception {
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig())) {
      Document old = new Document();
      old.add(new StringField("id", "shop:v1:ConfigMap:old", Field.Store.YES));
      old.add(new StoredField("hash", "h"));
      old.add(new StoredField("thash", "t"));
      old.add(new StoredField("kind_stored", "ConfigMap"));
      old.add(new StoredField("namespace_stored", "shop"));
      writer.addDocument(old);
    }
    try (LuceneInventoryIndex index = new LuceneInventoryIndex(dir, new UnitVectors())) {
      Resource cart = new Resource("shop", "cart", "Deployment", "apps/v1", Map.of("app", "cart"), null,
          "2026-11-27T00:00:00Z", "2026-11-27T00:00:00Z");
      index.apply(new SyncBatch(List.of(cart), List.of(), false));
      assertThat(index.size()).isEqualTo(2);
    }
  }

  /** Every text the same unit vector: this test is about the index's fields, not ranking. */
  private static final class UnitVectors implements Embedder {

    @Override
    public int dimension() {
      return 4;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      return texts.stream().map(t -> new float[] {1, 0, 0, 0}).toList();
    }
  }
}
