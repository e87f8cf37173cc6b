package live.devopstoolkit.resourcesync.resourcesyncconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only allowed namespaces and endpoints are honoured; a refused config says why in its status. */
class SafetySwitchesIT {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static ControlPlane cluster;
  static KubernetesClient client;
  static Controller controller;
  static ProtocolReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    cluster = ControlPlane.get();
    client = cluster.client();
    cluster.createNamespace("trusted");
    cluster.createNamespace("untrusted");
    receiver = new ProtocolReceiver("safe");
    controller = Controller.start(cluster, Map.of("resource-sync.allowed-namespaces", "trusted",
        "resource-sync.endpoint-allow-pattern", "http://127\\.0\\.0\\.1:\\d+/api/v1/resources/sync"));
  }

  @AfterAll
  static void stop() throws Exception {
    controller.close();
    receiver.close();
  }

  @Test
  void aConfigInANamespaceThatIsNotAllowedIsRefused() {
    Configs.secret(client, "untrusted", "mcp-credentials", "safe");
    Configs.apply(client, "untrusted", "exfiltrate", receiver.endpoint(), "mcp-credentials", 1);
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(Configs.readyReason(client, "untrusted", "exfiltrate")).isEqualTo("NamespaceNotAllowed");
      assertThat(Configs.status(client, "untrusted", "exfiltrate").getActive()).isFalse();
    });
    assertThat(controller.camel().getRoute("sync-delivery-" + SyncTarget.routeSuffix("untrusted", "exfiltrate")))
        .isNull();
    assertThat(receiver.requests()).isEmpty();
    client.resources(ResourceSyncConfig.class).inNamespace("untrusted").withName("exfiltrate").delete();
  }

  @Test
  void anEndpointOutsideThePatternIsRefusedUntilTheSpecNamesAnAllowedOne() {
    Configs.secret(client, "trusted", "mcp-credentials", "safe");
    Configs.apply(client, "trusted", "moving", "https://collector.example.com/sync", "mcp-credentials", 1);
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(Configs.readyReason(client, "trusted", "moving")).isEqualTo("EndpointNotAllowed");
      assertThat(Configs.ready(client, "trusted", "moving").orElseThrow().getMessage())
          .contains("https://collector.example.com/sync does not match the allowed endpoint pattern");
    });

    Configs.apply(client, "trusted", "moving", receiver.endpoint(), "mcp-credentials", 1);
    await().atMost(TIMEOUT).until(() -> "Synced".equals(Configs.readyReason(client, "trusted", "moving")));
    assertThat(Configs.status(client, "trusted", "moving").getActive()).isTrue();

    Configs.apply(client, "trusted", "moving", "https://collector.example.com/sync", "mcp-credentials", 1);
    await().atMost(TIMEOUT).until(() -> "EndpointNotAllowed".equals(Configs.readyReason(client, "trusted", "moving")));
    assertThat(controller.camel().getRoute("sync-delivery-" + SyncTarget.routeSuffix("trusted", "moving"))).isNull();
    client.resources(ResourceSyncConfig.class).inNamespace("trusted").withName("moving").delete();
  }
}
