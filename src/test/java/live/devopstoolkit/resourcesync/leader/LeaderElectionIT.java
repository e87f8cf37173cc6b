package live.devopstoolkit.resourcesync.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

/**
 * Two replicas: only the Lease holder syncs, and the other takes over when it stops and its pod is
 * gone. The API server has no kubelet, so the replicas' Pods are objects whose status says running
 * and ready, which is all Camel's cluster service reads.
 */
class LeaderElectionIT {

  static final String NS = "leader-it";
  static final String DELIVERY_ROUTE = "sync-delivery-" + SyncTarget.routeSuffix("leader-it", "sync");
  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void onlyTheLeaderSyncsAndTheOtherReplicaTakesOver() throws Exception {
    cluster.createNamespace(NS);
    List.of("replica-a", "replica-b").forEach(pod -> cluster.replicaPod(NS, pod, Map.of("app", "leader-it"), true));
    try (ProtocolReceiver receiver = new ProtocolReceiver("leader")) {
      Configs.secret(client, NS, "mcp-credentials", "leader");
      Configs.apply(client, NS, "sync", receiver.endpoint(), "mcp-credentials", 1);
      Controller a = Controller.start(cluster, settings("replica-a"));
      Controller b = Controller.start(cluster, settings("replica-b"));
      try {
        await().atMost(Duration.ofSeconds(180)).until(() -> syncing(a) || syncing(b));
        await().atMost(Duration.ofSeconds(180))
            .untilAsserted(() -> Records.assertReceiverMatchesCluster(receiver, client));
        assertThat(syncing(a) && syncing(b)).as("both replicas syncing").isFalse();
        Controller leader = syncing(a) ? a : b;
        Controller follower = leader == a ? b : a;

        // A dead leader's pod goes away (or turns unready), which is what the others wait for.
        leader.close();
        client.pods().inNamespace(NS).withName(leader == a ? "replica-a" : "replica-b").delete();
        await().atMost(Duration.ofSeconds(180)).until(() -> syncing(follower));
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
            .withName("after-handover").endMetadata().build()).create();
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
          assertThat(receiver.records()).containsKey(NS + ":v1:ConfigMap:after-handover");
          Records.assertReceiverMatchesCluster(receiver, client);
        });
      } finally {
        a.close();
        b.close();
        client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("sync").delete();
      }
    }
  }

  static boolean syncing(Controller controller) {
    return controller.camel().getRouteController().getRouteStatus(DELIVERY_ROUTE) == ServiceStatus.Started;
  }

  static Map<String, String> settings(String podName) {
    return Map.of("resource-sync.leader-election.enabled", "true",
        "resource-sync.leader-election.namespace", NS,
        "resource-sync.leader-election.pod-name", podName,
        "resource-sync.leader-election.pod-labels", "app=leader-it",
        "resource-sync.leader-election.lease-duration-millis", "4000",
        "resource-sync.leader-election.renew-deadline-millis", "3000",
        "resource-sync.leader-election.retry-period-millis", "1000");
  }
}
