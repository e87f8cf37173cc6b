package live.devopstoolkit.resourcesync.search.ranking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import live.devopstoolkit.resourcesync.search.index.Filters;
import live.devopstoolkit.resourcesync.search.index.Hit;
import live.devopstoolkit.resourcesync.search.index.InventoryIndex;
import live.devopstoolkit.resourcesync.search.index.Mode;
import live.devopstoolkit.resourcesync.search.inventory.Resource;

/** The one search REST and MCP share, so both return the same ranking for the same question. */
public final class ResourceSearch {

  /** The namespaces held when their spoken forms were last worked out, and those forms. */
  private record NamespaceForms(Set<String> namespaces, Map<String, List<String>> forms) {
  }

  private final InventoryIndex index;
  private volatile NamespaceForms namespaceForms = new NamespaceForms(Set.of(), Map.of());

  public ResourceSearch(InventoryIndex index) {
    this.index = index;
  }

  /** Ranked records; IllegalArgumentException (with a message for the caller) for unusable input. */
  public List<Hit> search(String question, String kind, String namespace, String apiVersion, Integer limit,
      Mode mode) {
    return index.search(QuestionIntent.parse(question, kind, namespace, apiVersion, Map.of(), limit, mode,
        index.kinds().keySet(), namespaceForms(), this::labelledEnvironments));
  }

  /**
   * The environment each Namespace record's labels declare, read when a question names one: labels
   * change without the set of namespaces changing, so this is not kept between questions.
   */
  private Map<String, String> labelledEnvironments() {
    Map<String, String> environments = new HashMap<>();
    int namespaces = index.kinds().getOrDefault("Namespace", 0);
    for (Resource ns : index.find(new Filters(Set.of("Namespace"), null, null, Map.of()), namespaces)) {
      String environment = QuestionIntent.labelledEnvironment(ns.labels());
      if (environment != null) {
        environments.put(ns.name(), environment);
      }
    }
    return environments;
  }

  private Map<String, List<String>> namespaceForms() {
    Set<String> held = index.namespaces();
    NamespaceForms known = namespaceForms;
    if (!known.namespaces().equals(held)) {
      known = new NamespaceForms(held, QuestionIntent.namespaceForms(held));
      namespaceForms = known;
    }
    return known.forms();
  }

  public InventoryIndex index() {
    return index;
  }
}
