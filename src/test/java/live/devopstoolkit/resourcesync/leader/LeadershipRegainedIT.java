package live.devopstoolkit.resourcesync.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

/**
 * A leader made unready loses the Lease; while the other replica leads, one config is deleted and
 * objects change. Then the first replica is ready again and the other stops, so the first leads
 * again in the same process: it resyncs the remaining config to equality with the cluster and never
 * sends anything more for the deleted one.
 */
class LeadershipRegainedIT {

  static final String NS = "regained-it";
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void aReplicaThatLeadsAgainConvergesAndForgetsDeletedConfigs() throws Exception {
    cluster.createNamespace(NS);
    cluster.replicaPod(NS, "replica-a", Map.of("app", "regained-it"), true);
    cluster.replicaPod(NS, "replica-b", Map.of("app", "regained-it"), true);
    try (ProtocolReceiver kept = new ProtocolReceiver("kept"); ProtocolReceiver gone = new ProtocolReceiver("gone")) {
      Configs.secret(client, NS, "kept-credentials", "kept");
      Configs.secret(client, NS, "gone-credentials", "gone");
      Configs.apply(client, NS, "kept", kept.endpoint(), "kept-credentials", 1);
      Configs.apply(client, NS, "gone", gone.endpoint(), "gone-credentials", 1);
      configMap("stays", "v1");
      configMap("deleted-while-away", "v1");
      Controller a = Controller.start(cluster, settings("replica-a"));
      Controller b = Controller.start(cluster, settings("replica-b"));
      try {
        await().atMost(TIMEOUT).until(() -> leading(a) || leading(b));
        await().atMost(TIMEOUT).untilAsserted(() -> {
          Records.assertReceiverMatchesCluster(kept, client);
          Records.assertReceiverMatchesCluster(gone, client);
        });
        Controller first = leading(a) ? a : b;
        Controller other = first == a ? b : a;
        String firstPod = first == a ? "replica-a" : "replica-b";

        cluster.replicaPod(NS, firstPod, Map.of("app", "regained-it"), false);
        await().atMost(TIMEOUT).until(() -> leading(other) && !leading(first));
        client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("gone").delete();
        await().atMost(TIMEOUT).until(() -> !hasPipelineRoutes(other, "gone"));
        int goneRequests = gone.requests().size();
        configMap("stays", "v2");
        configMap("created-while-away", "v1");
        client.configMaps().inNamespace(NS).withName("deleted-while-away").delete();
        await().atMost(TIMEOUT).untilAsserted(() -> Records.assertReceiverMatchesCluster(kept, client));

        cluster.replicaPod(NS, firstPod, Map.of("app", "regained-it"), true);
        other.close();
        client.pods().inNamespace(NS).withName(first == a ? "replica-b" : "replica-a").delete();
        await().atMost(TIMEOUT).until(() -> leading(first));
        configMap("created-after-return", "v1");
        await().atMost(TIMEOUT).untilAsserted(() -> {
          assertThat(kept.records()).containsKey(NS + ":v1:ConfigMap:created-after-return");
          Records.assertReceiverMatchesCluster(kept, client);
        });
        assertThat(hasPipelineRoutes(first, "gone")).isFalse();
        assertThat(gone.requests()).as("requests for the deleted config").hasSize(goneRequests);
      } finally {
        a.close();
        b.close();
        client.resources(ResourceSyncConfig.class).inNamespace(NS).delete();
      }
    }
  }

  static boolean leading(Controller controller) {
    return controller.camel().getRouteController().getRouteStatus("resource-sync-configs") == ServiceStatus.Started;
  }

  static boolean hasPipelineRoutes(Controller controller, String config) {
    return controller.camel().getRoutes().stream()
        .anyMatch(r -> r.getRouteId().startsWith("sync-") && r.getRouteId().endsWith(config));
  }

  static Map<String, String> settings(String podName) {
    return Map.of("resource-sync.leader-election.enabled", "true",
        "resource-sync.leader-election.namespace", NS,
        "resource-sync.leader-election.pod-name", podName,
        "resource-sync.leader-election.pod-labels", "app=regained-it",
        "resource-sync.leader-election.lease-duration-millis", "4000",
        "resource-sync.leader-election.renew-deadline-millis", "3000",
        "resource-sync.leader-election.retry-period-millis", "1000");
  }

  void configMap(String name, String value) {
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .addToLabels("version", value).endMetadata().build()).serverSideApply();
  }
}
