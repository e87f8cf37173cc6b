package live.devopstoolkit.resourcesync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.SyncFixture;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;

/**
 * Labels churn on 20 ConfigMaps while the config's debounce window is edited six times and its
 * resync interval once, and two ConfigMaps are deleted in the middle. No route is rebuilt (so no
 * open debounce window is dropped and no informer relists), and the receiver ends equal to the
 * cluster, the deletes included.
 */
class ConfigEditsIT {

  static final String NS = "edits-it";

  @Test
  void editingTimingsLosesNothingAndRebuildsNoRoute() throws Exception {
    try (SyncFixture sync = new SyncFixture(NS, "sync", 1)) {
      for (int i = 0; i < 20; i++) {
        configMap(sync, "churn-" + i, "start");
      }
      sync.awaitReceiverMatchesCluster(Duration.ofSeconds(120));
      Map<String, Route> routesBefore = pipelineRoutes(sync);
      assertThat(routesBefore).hasSize(3);

      AtomicBoolean churning = new AtomicBoolean(true);
      AtomicInteger round = new AtomicInteger();
      ExecutorService churn = Executors.newSingleThreadExecutor();
      churn.execute(() -> {
        while (churning.get()) {
          int i = round.getAndIncrement();
          String name = "churn-" + (i % 20);
          if (!name.equals("churn-3") && !name.equals("churn-11") || i < 40) {
            configMap(sync, name, "r" + i);
          }
        }
      });
      try {
        int edit = 0;
        for (int window : List.of(3, 1, 5, 2, 4, 1)) {
          int seen = round.get();
          await().atMost(Duration.ofSeconds(60)).until(() -> round.get() > seen + 25);
          Configs.apply(sync.client, NS, "sync", sync.receiver.endpoint(), "mcp-credentials", window);
          if (++edit == 3) {
            await().atMost(Duration.ofSeconds(60)).until(() -> round.get() > 40);
            sync.client.configMaps().inNamespace(NS).withName("churn-3").delete();
            sync.client.configMaps().inNamespace(NS).withName("churn-11").delete();
            // A merge patch carries no resourceVersion, so concurrent status writes cannot make it conflict.
            sync.client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("sync").patch(
                PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"resyncIntervalMinutes\":30}}");
          }
        }
        int seen = round.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> round.get() > seen + 25);
      } finally {
        churning.set(false);
        churn.shutdown();
        assertThat(churn.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      }

      sync.awaitReceiverMatchesCluster(Duration.ofSeconds(120));
      assertThat(sync.receiver.records())
          .doesNotContainKeys(NS + ":v1:ConfigMap:churn-3", NS + ":v1:ConfigMap:churn-11");
      assertThat(pipelineRoutes(sync)).as("the same route instances, never rebuilt").isEqualTo(routesBefore);
    }
  }

  static Map<String, Route> pipelineRoutes(SyncFixture sync) {
    return sync.controller.camel().getRoutes().stream().filter(r -> r.getRouteId().startsWith("sync-")
            && r.getRouteId().endsWith(SyncTarget.routeSuffix(NS, "sync")))
        .collect(Collectors.toMap(Route::getRouteId, r -> r));
  }

  static void configMap(SyncFixture sync, String name, String value) {
    sync.client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .addToLabels("round", value).endMetadata().build()).serverSideApply();
  }
}
