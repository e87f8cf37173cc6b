package live.devopstoolkit.resourcesync.search.index;

import java.util.Map;

/**
 * A question and what its intent decided: exact filters, and weights by kind and by namespace that
 * multiply a record's fused score (above 1 for kinds the question names without filtering on them
 * and for namespaces it names without filtering on them, below 1 for kinds that are rarely what a
 * question means unless it names them). Kinds and namespaces not listed weigh 1.
 */
public record SearchQuery(String text, Filters filters, Map<String, Double> kindWeights,
    Map<String, Double> namespaceWeights, int limit, Mode mode) {

  public SearchQuery {
    kindWeights = kindWeights == null ? Map.of() : Map.copyOf(kindWeights);
    namespaceWeights = namespaceWeights == null ? Map.of() : Map.copyOf(namespaceWeights);
    filters = filters == null ? Filters.NONE : filters;
  }

  /** What a record's fused score is multiplied by. */
  public double weight(String kind, String namespace) {
    return kindWeights.getOrDefault(kind, 1.0) * namespaceWeights.getOrDefault(namespace, 1.0);
  }

  /** The largest weight, so scores can be scaled to at most 1. */
  public double maxWeight() {
    return Math.max(1.0, largest(kindWeights)) * Math.max(1.0, largest(namespaceWeights));
  }

  private static double largest(Map<String, Double> weights) {
    return weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
  }
}
