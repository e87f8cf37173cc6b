package live.devopstoolkit.resourcesync.search.ranking;

import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.search.index.Hit;
import live.devopstoolkit.resourcesync.search.index.InventoryIndex;
import live.devopstoolkit.resourcesync.search.index.Mode;

/** The one search REST and MCP share, so both return the same ranking for the same question. */
public final class ResourceSearch {

  private final InventoryIndex index;

  public ResourceSearch(InventoryIndex index) {
    this.index = index;
  }

  /** Ranked records; IllegalArgumentException (with a message for the caller) for unusable input. */
  public List<Hit> search(String question, String kind, String namespace, String apiVersion, Integer limit,
      Mode mode) {
    return index.search(QuestionIntent.parse(question, kind, namespace, apiVersion, Map.of(), limit, mode,
        index.kinds().keySet(), index.namespaces()));
  }

  public InventoryIndex index() {
    return index;
  }
}
