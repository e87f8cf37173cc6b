package live.devopstoolkit.resourcesync.search.index;

import java.util.Map;
import java.util.Set;

/**
 * Exact conditions a record must meet; an empty set or null means any. Kinds compare as the
 * protocol spells them ({@code Deployment}); labels as key and value. A namespace filter may let
 * cluster-scoped records through too: a ClusterRoleBinding grants access in every namespace.
 */
public record Filters(Set<String> kinds, String namespace, boolean clusterScopedToo, String apiVersion,
    Map<String, String> labels) {

  public static final Filters NONE = new Filters(Set.of(), null, null, Map.of());

  public Filters {
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public Filters(Set<String> kinds, String namespace, String apiVersion, Map<String, String> labels) {
    this(kinds, namespace, false, apiVersion, labels);
  }

  public Filters withKinds(Set<String> value) {
    return new Filters(value, namespace, clusterScopedToo, apiVersion, labels);
  }

  public Filters withNamespace(String value) {
    return new Filters(kinds, value, clusterScopedToo, apiVersion, labels);
  }
}
