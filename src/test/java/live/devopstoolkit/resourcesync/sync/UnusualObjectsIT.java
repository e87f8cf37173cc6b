package live.devopstoolkit.resourcesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.junit.jupiter.api.Test;

/** Objects at the edges of what the API server accepts are synced exactly, and nothing crashes. */
class UnusualObjectsIT {

  static final String NS = "unusual-objects-it";
  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void longNamesManyLabelsNonAsciiAndHugeAnnotations() throws Exception {
    cluster.createNamespace(NS);
    String longestName = "n".repeat(253);
    Map<String, String> labels = new LinkedHashMap<>();
    IntStream.range(0, 100).forEach(i -> labels.put("example.com/label-" + i, "v".repeat(63)));
    String description = "Base de données des commandes 注文データベース — ☃ " + "x".repeat(10_000);
    // Annotations may total 256 KiB; two of these and the description stay just under it.
    String huge = "y".repeat(120_000);
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(longestName)
        .withLabels(labels)
        .addToAnnotations("description", description)
        .addToAnnotations("example.com/huge", huge)
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", huge)
        .endMetadata().build()).create();

    try (ProtocolReceiver receiver = new ProtocolReceiver("unusual");
        Controller controller = Controller.start(cluster, Map.of())) {
      Configs.secret(client, NS, "mcp-credentials", "unusual");
      Configs.apply(client, NS, "unusual", receiver.endpoint(), "mcp-credentials", 1);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Records.assertReceiverMatchesCluster(receiver, client));
      JsonNode record = receiver.records().get(NS + ":v1:ConfigMap:" + longestName);
      assertThat(record.path("labels").size()).isEqualTo(100);
      assertThat(record.path("annotations").path("description").asText()).isEqualTo(description);
      assertThat(record.path("annotations").size()).isOne();
      assertThat(receiver.requests()).noneMatch(request -> request.toString().contains(huge));
      client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("unusual").delete();
    }
  }
}
