package live.devopstoolkit.resourcesync.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.component.kubernetes.KubernetesConfiguration;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.component.kubernetes.cluster.LeaseResourceType;
import org.apache.camel.impl.cluster.ClusteredRoutePolicyFactory;
import org.apache.camel.model.RouteDefinition;

/**
 * With several replicas only one may sync, or every change would be sent once per replica. The
 * routes of {@code routes/} run under a clustered route policy on camel-kubernetes' Lease-based
 * cluster service: only the leader consumes ResourceSyncConfigs, so only it builds pipelines and
 * starts informers; when it dies, another replica takes the Lease and starts them, and its start-up
 * resync catches up. A replica that loses the Lease is told, and drops its pipelines; if it leads
 * again it starts over like that other replica did.
 *
 * <p>Pipeline routes (made from templates, only ever on the leader) are left out of the policy.
 * Removing a clustered route takes the cluster view's lock, which the policy holds while it stops
 * routes on a leadership change; a pipeline removed at that moment would deadlock the two.
 */
public final class LeaderElection {

  /** The cluster namespace of Camel's cluster service; also the Lease's name suffix. */
  static final String GROUP = "resource-sync";

  private LeaderElection() {
  }

  public static void install(CamelContext camel, KubernetesClient client, Settings settings,
      LeadershipLost onLost) throws Exception {
    KubernetesConfiguration configuration = new KubernetesConfiguration();
    configuration.setKubernetesClient(client);
    KubernetesClusterService service = new KubernetesClusterService(configuration);
    service.setLeaseResourceType(LeaseResourceType.Lease);
    service.setKubernetesResourcesNamespace(settings.namespace());
    service.setKubernetesResourceName("resource-sync-controller");
    service.setPodName(settings.podName());
    service.setClusterLabels(labels(settings.podLabels()));
    service.setLeaseDurationMillis(settings.leaseDurationMillis());
    service.setRenewDeadlineMillis(settings.renewDeadlineMillis());
    service.setRetryPeriodMillis(settings.retryPeriodMillis());
    camel.addService(service);
    ClusteredRoutePolicyFactory clustered = ClusteredRoutePolicyFactory.forNamespace(service, GROUP);
    camel.addRoutePolicyFactory((context, routeId, route) ->
        route instanceof RouteDefinition definition && definition.isCreatedFromTemplate()
            ? null : clustered.createRoutePolicy(context, routeId, route));
    AtomicBoolean leading = new AtomicBoolean();
    service.getView(GROUP).addEventListener((CamelClusterEventListener.Leadership) (view, leader) -> {
      boolean local = leader != null && leader.isLocal();
      if (leading.getAndSet(local) && !local) {
        onLost.run();
      }
    });
  }

  /** What a replica does when another takes the Lease from it; runs under the cluster view's lock. */
  @FunctionalInterface
  public interface LeadershipLost {

    void run();
  }

  static Map<String, String> labels(String podLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (String pair : podLabels.split(",")) {
      String[] keyValue = pair.trim().split("=", 2);
      if (keyValue.length == 2) {
        labels.put(keyValue[0].trim(), keyValue[1].trim());
      }
    }
    return labels;
  }

  /**
   * Where the Lease lives, who this replica is, and the Lease timings. {@code podLabels} ({@code
   * key=value,...}) select the controller's pods: Camel counts only running, ready pods with them as
   * candidates, and this pod must be one.
   */
  public record Settings(String namespace, String podName, String podLabels, long leaseDurationMillis,
      long renewDeadlineMillis, long retryPeriodMillis) {
  }
}
