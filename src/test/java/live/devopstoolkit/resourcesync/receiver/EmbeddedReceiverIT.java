package live.devopstoolkit.resourcesync.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller with its embedded receiver on, as the local run uses it: the guide's config pointed
 * at it, then the receiver's read API, and the health and metrics endpoints operators watch.
 */
class EmbeddedReceiverIT {

  static final String NS = "embedded-it";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static KubernetesClient client;
  static Controller controller;

  @BeforeAll
  static void start() throws Exception {
    ControlPlane cluster = ControlPlane.get();
    client = cluster.client();
    cluster.createNamespace(NS);
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("orders-db")
        .addToLabels("app.kubernetes.io/component", "database")
        .addToAnnotations("description", "PostgreSQL settings for the orders service").endMetadata().build())
        .serverSideApply();
    controller = Controller.start(cluster, Map.of("resource-sync.receiver.enabled", "true",
        "resource-sync.receiver.token", "local-token", "resource-sync.dev-console.enabled", "true",
        "camel.management.host", "127.0.0.1", "camel.server.host", "127.0.0.1"));
    Configs.secret(client, NS, "mcp-credentials", "local-token");
    Configs.apply(client, NS, "local", "http://127.0.0.1:" + controller.serverPort() + "/api/v1/resources/sync",
        "mcp-credentials", 1);
    await().atMost(Duration.ofSeconds(60)).until(() -> "Synced".equals(Configs.readyReason(client, NS, "local")));
  }

  @AfterAll
  static void stop() throws Exception {
    client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("local").delete();
    controller.close();
  }

  @Test
  void searchFindsWhatLooksLikeADatabase() throws Exception {
    JsonNode found = get(controller.serverPort(), "/api/v1/resources/search?q="
        + URLEncoder.encode("which databases are we running", StandardCharsets.UTF_8));
    assertThat(found.get(0).path("name").asText()).isEqualTo("orders-db");
  }

  @Test
  void recordsAreListedByKindNamespaceAndLabelAndCountedPerKind() throws Exception {
    JsonNode listed = get(controller.serverPort(),
        "/api/v1/resources?kind=ConfigMap&namespace=" + NS + "&label=app.kubernetes.io/component=database");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("annotations").path("description").asText()).contains("PostgreSQL");
    JsonNode counts = get(controller.serverPort(), "/api/v1/resources/counts");
    assertThat(counts.path("Namespace").asInt()).isPositive();
    assertThat(counts.path("ResourceSyncConfig").asInt()).isPositive();
  }

  @Test
  void theSyncEndpointRefusesAWrongToken() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + controller.serverPort() + "/api/v1/resources/sync"))
        .header("Authorization", "Bearer wrong").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"upserts\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(response.body()).path("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
    assertThat(response.headers().firstValue("Authorization")).isEmpty();
  }

  @Test
  void healthIsReadyAndMetricsCountTheSync() throws Exception {
    assertThat(get(controller.managementPort(), "/observe/health/ready").path("status").asText()).isEqualTo("UP");
    assertThat(get(controller.managementPort(), "/observe/health/live").path("status").asText()).isEqualTo("UP");
    String metrics = text(controller.managementPort(), "/observe/metrics");
    assertThat(metrics)
        .contains("resource_sync_records_delivered_total{config=\"embedded-it/local\",resync=\"true\"}")
        .contains("resource_sync_watched_types{config=\"embedded-it/local\"}")
        .contains("resource_sync_records_pending{config=\"embedded-it/local\"}")
        .contains("resource_sync_changes_total{config=\"embedded-it/local\"}")
        .contains("resource_sync_delivery_latency_seconds_count{config=\"embedded-it/local\"}")
        .contains("camel_exchanges_total")
        .contains("routeId=\"sync-delivery-embedded-it-local-")
        .doesNotContain("routeId=\"sync-changes-")
        .doesNotContain("local-token");
  }

  @Test
  void theOptInDeveloperConsoleOffersOnlyConsolesThatCannotAct() throws Exception {
    assertThat(text(controller.managementPort(), "/q/dev/top")).contains("sync-delivery-embedded-it-local");
    JsonNode index = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + controller.managementPort() + "/q/dev")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(index.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("context", "health", "top", "consumer", "memory", "gc", "thread");
    for (String acting : List.of("send", "eval-language", "route", "properties", "bean", "receive")) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + controller.managementPort() + "/q/dev/" + acting + "?endpoint=log:x&body=x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).as(acting).isEqualTo("Developer Console not found: " + acting);
    }
  }

  @Test
  void routesAreVisibleOverJmx() throws Exception {
    Set<ObjectName> routes = ManagementFactory.getPlatformMBeanServer()
        .queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);
    assertThat(routes).extracting(ObjectName::getCanonicalName)
        .anyMatch(name -> name.contains("sync-changes-embedded-it-local"))
        .anyMatch(name -> name.contains("sync-delivery-embedded-it-local"));
  }

  static JsonNode get(int port, String path) throws Exception {
    return JSON.readTree(text(port, path));
  }

  static String text(int port, String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }
}
