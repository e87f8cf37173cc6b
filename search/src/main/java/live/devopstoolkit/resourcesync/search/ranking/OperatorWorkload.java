package live.devopstoolkit.resourcesync.search.ranking;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import live.devopstoolkit.resourcesync.search.inventory.Resource;

/**
 * Whether a workload is an operator's own program rather than what it runs. The Percona operator's
 * Deployment carries "percona" and "database" as much as the database it runs, and ranks with it
 * for "which databases"; what tells them apart is the program's conventional name
 * ({@code *-operator}, {@code *-controller-manager}) or its component label (one saying
 * "operator", or exactly {@code webhook} or {@code cainjector}). "controller" alone is not enough:
 * ingress-nginx's controller and Kafka's KRaft controllers are the product. Nor is "webhook" within
 * a name or component: an application receiving a payment provider's webhooks is named so. A
 * question about operators still finds them.
 */
public final class OperatorWorkload {

  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");
  private static final Set<String> COMPONENT_KEYS = Set.of("app.kubernetes.io/component", "component");
  private static final Pattern NAME_WORD = Pattern.compile("(^|[^a-z])(operator|controller-manager|cainjector)([^a-z]|$)");
  private static final Pattern COMPONENT_WORD = Pattern.compile("(^|[^a-z])(operator|controller-manager)([^a-z]|$)");
  private static final Set<String> COMPONENTS = Set.of("webhook", "cainjector");

  private OperatorWorkload() {
  }

  public static boolean is(Resource r) {
    if (!WORKLOADS.contains(r.kind())) {
      return false;
    }
    if (NAME_WORD.matcher(r.name().toLowerCase(Locale.ROOT)).find()) {
      return true;
    }
    for (String key : COMPONENT_KEYS) {
      String component = r.labels().get(key);
      String lower = component == null ? "" : component.toLowerCase(Locale.ROOT);
      if (COMPONENTS.contains(lower) || COMPONENT_WORD.matcher(lower).find()) {
        return true;
      }
    }
    return false;
  }
}
