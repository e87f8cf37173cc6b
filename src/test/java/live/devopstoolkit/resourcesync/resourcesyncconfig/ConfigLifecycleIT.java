package live.devopstoolkit.resourcesync.resourcesyncconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import live.devopstoolkit.resourcesync.testing.ClusterState;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.apache.camel.Route;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.LifecycleStrategy;
import org.apache.camel.support.LifecycleStrategySupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A ResourceSyncConfig's life as an operator sees it: status, conditions, Events, Secrets, receivers. */
class ConfigLifecycleIT {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static ControlPlane cluster;
  static KubernetesClient client;
  static Controller controller;

  @BeforeAll
  static void start() throws Exception {
    cluster = ControlPlane.get();
    client = cluster.client();
    controller = Controller.start(cluster, Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    controller.close();
  }

  @Test
  void theGuidesQuickStartRunsAndReportsItsUnreachableEndpoint() throws Exception {
    cluster.createNamespace("dot-ai");
    Configs.secret(client, "dot-ai", "mcp-credentials", "your-api-key-here");
    client.resource(Files.readString(Path.of("config/samples/resourcesyncconfig.yaml"))).serverSideApply();

    await().atMost(TIMEOUT).untilAsserted(() -> {
      ResourceSyncConfigStatus status = Configs.status(client, "dot-ai", "default-sync");
      assertThat(status.getActive()).isTrue();
      assertThat(status.getWatchedResourceTypes()).isGreaterThan(40);
      assertThat(status.getSyncErrors()).isPositive();
      assertThat(status.getLastError()).contains("cannot reach http://dot-ai.dot-ai.svc.cluster.local:3456")
          .doesNotContain("your-api-key-here");
      assertThat(status.getObservedGeneration()).isEqualTo(1L);
      assertThat(Configs.ready(client, "dot-ai", "default-sync")).hasValueSatisfying(ready -> {
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("EndpointUnreachable");
      });
    });
    await().atMost(TIMEOUT).until(() -> eventReasons("dot-ai", "default-sync").contains("EndpointUnreachable"));
    assertThat(eventReasons("dot-ai", "default-sync")).contains("SyncStarted");
    client.resources(ResourceSyncConfig.class).inNamespace("dot-ai").withName("default-sync").delete();
  }

  @Test
  void aMissingSecretShowsInStatusAndSyncStartsOnceItExists() throws Exception {
    String ns = "late-secret";
    cluster.createNamespace(ns);
    try (ProtocolReceiver receiver = new ProtocolReceiver("late-token")) {
      Configs.apply(client, ns, "late", receiver.endpoint(), "late-credentials", 1);
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(Configs.readyReason(client, ns, "late")).isEqualTo("SecretNotFound");
        assertThat(Configs.ready(client, ns, "late").orElseThrow().getMessage())
            .isEqualTo("Secret(late-secret/late-credentials) not found");
      });
      assertThat(receiver.requests()).isEmpty();

      Configs.secret(client, ns, "late-credentials", "late-token");
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(Configs.readyReason(client, ns, "late")).isEqualTo("Synced");
        Records.assertReceiverMatchesCluster(receiver, client);
      });
      ResourceSyncConfigStatus status = Configs.status(client, ns, "late");
      assertThat(status.getTotalResourcesSynced()).isEqualTo(receiver.records().size());
      assertThat(status.getLastResyncTime()).isNotNull();
      assertThat(status.getLastSyncTime()).isNotNull();
      client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("late").delete();
    }
  }

  @Test
  void aSecretWithoutTheKeyIsReportedLikeAMissingSecret() throws Exception {
    String ns = "wrong-key";
    cluster.createNamespace(ns);
    try (ProtocolReceiver receiver = new ProtocolReceiver("unused")) {
      client.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata()
          .withName("mcp-credentials").endMetadata().addToStringData("token", "unused").build()).serverSideApply();
      Configs.apply(client, ns, "wrong-key", receiver.endpoint(), "mcp-credentials", 1);
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(Configs.readyReason(client, ns, "wrong-key")).isEqualTo("SecretNotFound");
        assertThat(Configs.ready(client, ns, "wrong-key").orElseThrow().getMessage())
            .isEqualTo("Secret(wrong-key/mcp-credentials) has no non-empty key api-key");
      });
      assertThat(receiver.requests()).isEmpty();
      client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("wrong-key").delete();
    }
  }

  @Test
  void aRotatedTokenIsUsedWithoutARestart() throws Exception {
    String ns = "rotation";
    cluster.createNamespace(ns);
    try (ProtocolReceiver receiver = new ProtocolReceiver("old-token")) {
      Configs.secret(client, ns, "mcp-credentials", "old-token");
      Configs.apply(client, ns, "rotating", receiver.endpoint(), "mcp-credentials", 1);
      await().atMost(TIMEOUT).until(() -> "Synced".equals(Configs.readyReason(client, ns, "rotating")));

      receiver.token("new-token");
      Configs.secret(client, ns, "mcp-credentials", "new-token");
      client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("after-rotation")
          .endMetadata().build()).create();
      await().atMost(TIMEOUT).until(() -> receiver.records().containsKey(ns + ":v1:ConfigMap:after-rotation"));
      client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("rotating").delete();
    }
  }

  @Test
  void twoConfigsSyncToTheirOwnReceiversAndADeletedOneStops() throws Exception {
    String ns = "two-receivers";
    cluster.createNamespace(ns);
    try (ProtocolReceiver first = new ProtocolReceiver("first"); ProtocolReceiver second = new ProtocolReceiver("second")) {
      Configs.secret(client, ns, "first", "first");
      Configs.secret(client, ns, "second", "second");
      Configs.apply(client, ns, "first", first.endpoint(), "first", 1);
      Configs.apply(client, ns, "second", second.endpoint(), "second", 2);
      await().atMost(TIMEOUT).untilAsserted(() -> {
        Map<String, JsonNode> expected = ClusterState.expectedRecords(client);
        Records.assertSame(first.records(), expected);
        Records.assertSame(second.records(), expected);
      });
      assertThat(first.unauthorized() + second.unauthorized()).isZero();

      client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("second").delete();
      await().atMost(TIMEOUT).until(() -> controller.camel()
          .getRoute("sync-delivery-" + SyncTarget.routeSuffix("two-receivers", "second")) == null);
      int before = second.requests().size();
      client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("only-first")
          .endMetadata().build()).create();
      await().atMost(TIMEOUT).until(() -> first.records().containsKey(ns + ":v1:ConfigMap:only-first"));
      assertThat(second.requests()).hasSize(before);
      assertThat(eventReasons(ns, "second")).contains("SyncStopped");
      client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("first").delete();
    }
  }

  @Test
  void aFailedReconcileIsReportedAndRetriedUntilItSucceeds() throws Exception {
    String ns = "retried";
    cluster.createNamespace(ns);
    ModelCamelContext camel = (ModelCamelContext) controller.camel();
    RouteTemplateDefinition template = camel.getRouteTemplateDefinition("sync-resync");
    try (ProtocolReceiver receiver = new ProtocolReceiver("retried")) {
      Configs.secret(client, ns, "mcp-credentials", "retried");
      camel.removeRouteTemplateDefinition(template);
      try {
        try {
          Configs.apply(client, ns, "retried", receiver.endpoint(), "mcp-credentials", 1);
          await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(Configs.readyReason(client, ns, "retried")).isEqualTo("ReconcileFailed");
            assertThat(Configs.status(client, ns, "retried").getActive()).isFalse();
          });
          assertThat(controller.camel().getRoutes()).noneMatch(
              route -> route.getRouteId().endsWith(SyncTarget.routeSuffix(ns, "retried")));
          assertThat(eventReasons(ns, "retried")).doesNotContain("SyncStarted", "SyncStopped");
        } finally {
          camel.addRouteTemplateDefinition(template);
        }
        await().atMost(TIMEOUT).untilAsserted(() -> {
          assertThat(Configs.readyReason(client, ns, "retried")).isEqualTo("Synced");
          assertThat(Configs.status(client, ns, "retried").getActive()).isTrue();
        });
        assertThat(eventReasons(ns, "retried")).contains("SyncStarted").doesNotContain("SyncStopped");
      } finally {
        client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("retried").delete();
      }
    }
  }

  @Test
  void aConfigWhoseRoutesAreBeingAddedIsNotReportedStopped() throws Exception {
    String ns = "starting";
    cluster.createNamespace(ns);
    String suffix = SyncTarget.routeSuffix(ns, "starting");
    LifecycleStrategy slowStart = new LifecycleStrategySupport() {
      @Override
      public void onRoutesAdd(Collection<Route> routes) {
        if (routes.stream().anyMatch(route -> route.getRouteId().endsWith(suffix))) {
          // Holds each route half-added until the status writer has written what it saw meanwhile.
          await().atMost(TIMEOUT).until(() -> Configs.ready(client, ns, "starting").isPresent());
        }
      }
    };
    try (ProtocolReceiver receiver = new ProtocolReceiver("starting")) {
      Configs.secret(client, ns, "mcp-credentials", "starting");
      controller.camel().addLifecycleStrategy(slowStart);
      try {
        Configs.apply(client, ns, "starting", receiver.endpoint(), "mcp-credentials", 1);
        await().atMost(TIMEOUT).until(() -> "Synced".equals(Configs.readyReason(client, ns, "starting")));
      } finally {
        controller.camel().getLifecycleStrategies().remove(slowStart);
        client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("starting").delete();
      }
      assertThat(eventReasons(ns, "starting")).doesNotContain("Stopped");
    }
  }

  @Test
  void stoppedRoutesShowAsInactive() throws Exception {
    String ns = "stopped-routes";
    cluster.createNamespace(ns);
    try (ProtocolReceiver receiver = new ProtocolReceiver("stopped")) {
      Configs.secret(client, ns, "mcp-credentials", "stopped");
      Configs.apply(client, ns, "stopped", receiver.endpoint(), "mcp-credentials", 1);
      await().atMost(TIMEOUT).until(() -> "Synced".equals(Configs.readyReason(client, ns, "stopped")));
      String delivery = "sync-delivery-" + SyncTarget.routeSuffix(ns, "stopped");
      controller.camel().getRouteController().stopRoute(delivery);
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(Configs.status(client, ns, "stopped").getActive()).isFalse();
        assertThat(Configs.readyReason(client, ns, "stopped")).isEqualTo("Stopped");
      });
      controller.camel().getRouteController().startRoute(delivery);
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(Configs.status(client, ns, "stopped").getActive()).isTrue();
        assertThat(Configs.readyReason(client, ns, "stopped")).isEqualTo("Synced");
      });
      client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("stopped").delete();
    }
  }

  @Test
  void syncErrorsCountOnAfterAControllerRestart() throws Exception {
    String ns = "counting";
    cluster.createNamespace(ns);
    Configs.secret(client, ns, "mcp-credentials", "counting");
    Configs.apply(client, ns, "counting", "http://127.0.0.1:1/api/v1/resources/sync", "mcp-credentials", 1);
    await().atMost(TIMEOUT).until(() -> errors(ns, "counting") >= 10);
    controller.close();
    long before = errors(ns, "counting");
    controller = Controller.start(cluster, Map.of());
    await().atMost(TIMEOUT).until(() -> errors(ns, "counting") != before);
    assertThat(errors(ns, "counting")).isGreaterThan(before);
    client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("counting").delete();
  }

  static long errors(String ns, String name) {
    Long errors = Configs.status(client, ns, name).getSyncErrors();
    return errors == null ? 0 : errors;
  }

  @Test
  void statusIsNotRewrittenWhenNothingChanged() throws Exception {
    String ns = "quiet-status";
    cluster.createNamespace(ns);
    try (ProtocolReceiver receiver = new ProtocolReceiver("quiet")) {
      Configs.secret(client, ns, "mcp-credentials", "quiet");
      Configs.apply(client, ns, "quiet", receiver.endpoint(), "mcp-credentials", 1);
      await().atMost(TIMEOUT).until(() -> "Synced".equals(Configs.readyReason(client, ns, "quiet")));
      String transition = Configs.ready(client, ns, "quiet").orElseThrow().getLastTransitionTime();
      // Several status intervals (300 ms in tests) with no change in the cluster must not write status.
      await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        String version = resourceVersion(ns, "quiet");
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
            .untilAsserted(() -> assertThat(resourceVersion(ns, "quiet")).isEqualTo(version));
      });
      assertThat(Configs.ready(client, ns, "quiet").orElseThrow().getLastTransitionTime()).isEqualTo(transition);
      client.resources(ResourceSyncConfig.class).inNamespace(ns).withName("quiet").delete();
    }
  }

  static String resourceVersion(String ns, String name) {
    return client.resources(ResourceSyncConfig.class).inNamespace(ns).withName(name).get().getMetadata()
        .getResourceVersion();
  }

  static List<String> eventReasons(String ns, String name) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .map(Event::getReason).toList();
  }
}
