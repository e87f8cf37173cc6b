package live.devopstoolkit.resourcesync.search.index;

import java.util.List;
import java.util.Map;
import java.util.Set;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.inventory.SyncBatch;
import live.devopstoolkit.resourcesync.search.inventory.SyncOutcome;

/**
 * The synced inventory of one cluster, searchable by meaning, words and exact fields. Everything
 * else (HTTP, MCP, question parsing) talks to this interface only, so a shared store serving many
 * clusters can replace the in-process Lucene index without touching them.
 */
public interface InventoryIndex extends AutoCloseable {

  /**
   * Applies one sync request with the protocol's semantics: upserts, then deletes (ignored in a
   * resync); a resync with upserts removes every record it does not list. Durable and found by
   * filters and words on return; by meaning on return too, unless the outcome says that texts are
   * embedded behind, in which case as {@link #pending()} falls.
   */
  SyncOutcome apply(SyncBatch batch);

  /** Records held whose vectors are still being computed (not yet found by meaning). */
  int pending();

  /** Records best first, fused from the rankings {@code query.mode()} names. */
  List<Hit> search(SearchQuery query);

  /** Records matching the filters exactly, in id order, at most {@code limit}. */
  List<Resource> find(Filters filters, int limit);

  /** Kinds held, with their record counts. */
  Map<String, Integer> kinds();

  /** Namespaces held. */
  Set<String> namespaces();

  int size();

  @Override
  void close();
}
