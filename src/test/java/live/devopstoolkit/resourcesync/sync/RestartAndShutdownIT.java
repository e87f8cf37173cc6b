package live.devopstoolkit.resourcesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import live.devopstoolkit.resourcesync.debounce.DebounceWindows;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.junit.jupiter.api.Test;

/** What happens around the controller's own lifetime: changes while it is down, and at shutdown. */
class RestartAndShutdownIT {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void changesMadeWhileTheControllerWasDownArriveWithTheStartUpResync() throws Exception {
    String ns = "restart-it";
    cluster.createNamespace(ns);
    IntStream.range(0, 10).forEach(i -> configMap(ns, "before-" + i));
    try (ProtocolReceiver receiver = new ProtocolReceiver("restart")) {
      Configs.secret(client, ns, "mcp-credentials", "restart");
      Configs.apply(client, ns, "restart", receiver.endpoint(), "mcp-credentials", 1);
      try (Controller first = Controller.start(cluster, Map.of())) {
        awaitConverged(receiver);
      }
      IntStream.range(0, 5).forEach(i -> client.configMaps().inNamespace(ns).withName("before-" + i).delete());
      IntStream.range(0, 10).forEach(i -> configMap(ns, "while-down-" + i));
      int resyncs = receiver.resyncs();
      try (Controller second = Controller.start(cluster, Map.of())) {
        awaitConverged(receiver);
        assertThat(receiver.resyncs()).isGreaterThan(resyncs);
        client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("restart").delete();
      }
    }
  }

  @Test
  void shutdownDeliversChangesStillInADebounceWindow() throws Exception {
    String ns = "shutdown-it";
    cluster.createNamespace(ns);
    try (ProtocolReceiver receiver = new ProtocolReceiver("shutdown")) {
      Configs.secret(client, ns, "mcp-credentials", "shutdown");
      Controller controller = Controller.start(cluster, Map.of());
      try {
        Configs.apply(client, ns, "slow", receiver.endpoint(), "mcp-credentials", 300);
        await().atMost(TIMEOUT).until(() -> "Synced".equals(Configs.readyReason(client, ns, "slow")));
        configMap(ns, "last-words");
        await().atMost(TIMEOUT).until(() -> DebounceWindows.waiting(controller.camel(), ns + "/slow") > 0);
        assertThat(receiver.records()).doesNotContainKey(ns + ":v1:ConfigMap:last-words");
      } finally {
        controller.close();
      }
      assertThat(receiver.records()).containsKey(ns + ":v1:ConfigMap:last-words");
      client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("slow").delete();
    }
  }

  void configMap(String ns, String name) {
    client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .addToLabels("app", "restart").endMetadata().build()).serverSideApply();
  }

  void awaitConverged(ProtocolReceiver receiver) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> Records.assertReceiverMatchesCluster(receiver, client));
  }
}
