package live.devopstoolkit.resourcesync.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfigStatus;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver.Fault;
import live.devopstoolkit.resourcesync.testing.Records;
import live.devopstoolkit.resourcesync.testing.SyncFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Receivers that fail in the ways real ones do; each case ends with receiver = cluster, exactly. */
class DeliveryFaultsIT {

  static final String NS = "faults-it";
  static final Duration TIMEOUT = Duration.ofSeconds(240);
  static SyncFixture fixture;
  static KubernetesClient client;
  static ProtocolReceiver receiver;

  @BeforeAll
  static void start() throws Exception {
    fixture = new SyncFixture(NS, "faults", 1);
    client = fixture.client;
    receiver = fixture.receiver;
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void anOutageDuringChurnLosesNothing() throws Exception {
    long errorsBefore = status().getSyncErrors();
    receiver.stop();
    IntStream.range(0, 40).forEach(i -> configMap("outage-" + i, Map.of("round", "1")));
    IntStream.range(0, 20).forEach(i -> configMap("outage-" + i, Map.of("round", "2")));
    IntStream.range(30, 40).forEach(i -> client.configMaps().inNamespace(NS).withName("outage-" + i).delete());
    // Deleted and created again while the receiver is down: it must end up with the new object.
    configMap("outage-0", Map.of("round", "3"));
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(Configs.readyReason(client, NS, "faults")).isEqualTo("EndpointUnreachable");
      assertThat(status().getSyncErrors()).isGreaterThan(errorsBefore);
    });

    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + fixture.controller.managementPort() + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("resource_sync_requests_failed_total{config=\"faults-it/faults\"}");

    receiver.restart();
    awaitSynced();
  }

  @ParameterizedTest
  @CsvSource({
      "DOWN_503, VECTOR_DB_UNAVAILABLE",
      "RETRY_AFTER_503, HEALTH_CHECK_FAILED",
      "ERROR_500, SYNC_ERROR",
      "HTML_200, not the sync protocol",
      "SLOW, cannot reach"})
  void aFailingReceiverIsRetriedUntilItRecovers(Fault fault, String error) {
    receiver.fault(fault);
    configMap("fault-" + fault.name().toLowerCase().replace('_', '-'), Map.of("fault", fault.name()));
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(Configs.readyReason(client, NS, "faults")).isIn("SyncFailing", "EndpointUnreachable");
      assertThat(status().getLastError()).contains(error).doesNotContain("faults-token");
    });
    receiver.fault(Fault.NONE);
    awaitSynced();
  }

  @Test
  void aRecordTheReceiverRejectsDoesNotHoldBackTheOthers() {
    String poison = NS + ":v1:ConfigMap:poison";
    receiver.reject(poison);
    configMap("poison", Map.of("batch", "rejected"));
    IntStream.range(0, 5).forEach(i -> configMap("healthy-" + i, Map.of("batch", "rejected")));
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(receiver.records())
        .containsKeys(NS + ":v1:ConfigMap:healthy-0", NS + ":v1:ConfigMap:healthy-4"));
    assertThat(receiver.records()).doesNotContainKey(poison);

    receiver.accept(poison);
    configMap("poison", Map.of("batch", "accepted"));
    awaitSynced();
  }

  static void configMap(String name, Map<String, String> labels) {
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .withLabels(labels).endMetadata().addToData("payload", "x".repeat(1024)).build()).serverSideApply();
  }

  static ResourceSyncConfigStatus status() {
    return Configs.status(client, NS, "faults");
  }

  static void awaitSynced() {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      Records.assertReceiverMatchesCluster(receiver, client);
      assertThat(Configs.readyReason(client, NS, "faults")).isEqualTo("Synced");
    });
  }
}
