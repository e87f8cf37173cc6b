package live.devopstoolkit.resourcesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.SyncFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyncIT {

  static final String NS = "sync-it";
  static SyncFixture fixture;
  static KubernetesClient client;
  static ProtocolReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    fixture = new SyncFixture(NS, "it-sync", 1);
    client = fixture.client;
    receiver = fixture.receiver;
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void receiverConvergesToTheClusterThroughCreateLabelAnnotateDelete() {
    awaitConverged();
    ConfigMap cm = client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
        .withName("payments-db").addToLabels("app", "payments")
        .addToAnnotations("description", "Primary payments database settings")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{\"big\":true}")
        .addToAnnotations("team.example.com/owner", "payments")
        .endMetadata().addToData("k", "v").build()).create();
    String id = NS + ":v1:ConfigMap:payments-db";
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode record = receiver.records().get(id);
      assertThat(record).isNotNull();
      assertThat(record.path("labels").path("app").asText()).isEqualTo("payments");
      assertThat(record.path("annotations").path("description").asText())
          .isEqualTo("Primary payments database settings");
      assertThat(record.path("annotations").has("kubectl.kubernetes.io/last-applied-configuration")).isFalse();
      assertThat(record.path("annotations").has("team.example.com/owner")).isFalse();
      assertThat(record.path("createdAt").asText()).isEqualTo(cm.getMetadata().getCreationTimestamp());
    });

    client.configMaps().inNamespace(NS).withName("payments-db")
        .edit(c -> new ConfigMapBuilder(c).editMetadata().addToLabels("tier", "db").endMetadata().build());
    await().atMost(Duration.ofSeconds(30)).until(() ->
        "db".equals(receiver.records().get(id).path("labels").path("tier").asText()));

    client.configMaps().inNamespace(NS).withName("payments-db").edit(c -> new ConfigMapBuilder(c).editMetadata()
        .addToAnnotations("example.com/description", "now with a second description").endMetadata().build());
    await().atMost(Duration.ofSeconds(30)).until(() -> "now with a second description".equals(
        receiver.records().get(id).path("annotations").path("example.com/description").asText()));

    client.configMaps().inNamespace(NS).withName("payments-db").delete();
    await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.records().containsKey(id));
    awaitConverged();
  }

  @Test
  void clusterScopedObjectsAreSyncedUnderTheClusterNamespace() {
    awaitConverged();
    assertThat(receiver.records()).containsKey("_cluster:v1:Namespace:" + NS);
    assertThat(receiver.records().keySet()).noneMatch(id -> id.contains(":Event:") || id.contains(":Lease:")
        || id.contains(":EndpointSlice:"));
  }

  static void awaitConverged() {
    fixture.awaitReceiverMatchesCluster(Duration.ofSeconds(60));
  }
}
