package live.devopstoolkit.resourcesync.search.index;

import java.util.Map;
import java.util.Set;

/**
 * A question and what its intent decided: exact filters, and weights by kind and by namespace that
 * multiply a record's fused score (above 1 for kinds the question names without filtering on them
 * and for namespaces it names without filtering on them, below 1 for kinds that are rarely what a
 * question means unless it names them). Kinds and namespaces not listed weigh 1. An operator's or
 * controller's own workload weighs {@code operatorWeight} on top: below 1 unless the question is
 * about operators, since it shares the words of what it runs. The weights of {@code builtInKinds}
 * are meant for Kubernetes' own objects: a custom resource that shares such a name (Knative's
 * {@code serving.knative.dev} Service is a workload, not a network endpoint) weighs 1 for its kind.
 */
public record SearchQuery(String text, Filters filters, Map<String, Double> kindWeights,
    Map<String, Double> namespaceWeights, double operatorWeight, Set<String> builtInKinds, int limit, Mode mode,
    Map<String, Double> groupWeights) {

  public SearchQuery {
    kindWeights = kindWeights == null ? Map.of() : Map.copyOf(kindWeights);
    builtInKinds = builtInKinds == null ? Set.of() : Set.copyOf(builtInKinds);
    namespaceWeights = namespaceWeights == null ? Map.of() : Map.copyOf(namespaceWeights);
    groupWeights = groupWeights == null ? Map.of() : Map.copyOf(groupWeights);
    filters = filters == null ? Filters.NONE : filters;
  }

  public SearchQuery(String text, Filters filters, Map<String, Double> kindWeights,
      Map<String, Double> namespaceWeights, double operatorWeight, Set<String> builtInKinds, int limit, Mode mode) {
    this(text, filters, kindWeights, namespaceWeights, operatorWeight, builtInKinds, limit, mode, Map.of());
  }

  /**
   * What a record's fused score is multiplied by. A weight for the record's API group (a question
   * that names the group asks for its objects, whatever their kinds) stands in for its kind's and
   * its operator's.
   */
  public double weight(String kind, String apiVersion, String namespace, boolean operator) {
    Double groupWeight = groupWeights.isEmpty() ? null : groupWeights.get(group(apiVersion));
    if (groupWeight != null) {
      return groupWeight * namespaceWeights.getOrDefault(namespace, 1.0);
    }
    double kindWeight = builtInKinds.contains(kind) && !builtInGroup(apiVersion) ? 1.0
        : kindWeights.getOrDefault(kind, 1.0);
    return kindWeight * namespaceWeights.getOrDefault(namespace, 1.0) * (operator ? operatorWeight : 1.0);
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /**
   * Whether an apiVersion is of Kubernetes' own API: the core group ({@code v1}), an unqualified
   * group ({@code apps/v1}, {@code batch/v1}) or one under {@code k8s.io}. Operators' groups are
   * qualified by their own domains.
   */
  public static boolean builtInGroup(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return true;
    }
    String group = apiVersion.substring(0, slash);
    return !group.contains(".") || group.endsWith(".k8s.io");
  }

  /** The largest weight, so scores can be scaled to at most 1. */
  public double maxWeight() {
    return Math.max(Math.max(1.0, largest(kindWeights)) * Math.max(1.0, operatorWeight), largest(groupWeights))
        * Math.max(1.0, largest(namespaceWeights));
  }

  private static double largest(Map<String, Double> weights) {
    return weights.values().stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
  }
}
