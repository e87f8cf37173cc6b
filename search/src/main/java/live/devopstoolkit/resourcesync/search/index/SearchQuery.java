package live.devopstoolkit.resourcesync.search.index;

import java.util.Map;

/**
 * A question and what its intent decided: exact filters, and weights by kind that multiply a
 * record's fused score (above 1 for kinds the question names without filtering on them, below 1
 * for kinds that are rarely what a question means unless it names them). Kinds not listed weigh 1.
 */
public record SearchQuery(String text, Filters filters, Map<String, Double> kindWeights, int limit, Mode mode) {

  public SearchQuery {
    kindWeights = kindWeights == null ? Map.of() : Map.copyOf(kindWeights);
    filters = filters == null ? Filters.NONE : filters;
  }

  /** The largest weight, so scores can be scaled to at most 1. */
  public double maxWeight() {
    return kindWeights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0) < 1.0 ? 1.0
        : kindWeights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
  }
}
