package live.devopstoolkit.resourcesync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.junit.jupiter.api.Test;

/**
 * The packaged controller killed with SIGKILL in the middle of churn, so nothing is flushed, then
 * started again: its start-up resync converges the receiver to the cluster exactly.
 */
class ControllerKilledIT {

  static final String NS = "killed-it";
  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void aControllerKilledDuringChurnConvergesAfterItsRestart() throws Exception {
    cluster.createNamespace(NS);
    Path log = Path.of("target", "controller-killed-it.log");
    try (ProtocolReceiver receiver = new ProtocolReceiver("killed")) {
      Configs.secret(client, NS, "mcp-credentials", "killed");
      Configs.apply(client, NS, "killed", receiver.endpoint(), "mcp-credentials", 5);
      Process first = start(log.toFile());
      ExecutorService churn = Executors.newSingleThreadExecutor();
      AtomicBoolean churning = new AtomicBoolean(true);
      AtomicInteger round = new AtomicInteger();
      try {
        await().atMost(Duration.ofSeconds(240)).until(() -> receiver.resyncs() > 0);
        churn.execute(() -> {
          while (churning.get()) {
            int i = round.getAndIncrement();
            configMap("churn-" + (i % 40), "r" + i);
            if (i % 7 == 0) {
              client.configMaps().inNamespace(NS).withName("churn-" + ((i + 3) % 40)).delete();
            }
          }
        });
        await().atMost(Duration.ofSeconds(120)).until(() -> round.get() > 200);
        first.destroyForcibly().waitFor(120, TimeUnit.SECONDS);
        int killedAt = round.get();
        await().atMost(Duration.ofSeconds(120)).until(() -> round.get() > killedAt + 200);
      } finally {
        churning.set(false);
        churn.shutdown();
        churn.awaitTermination(120, TimeUnit.SECONDS);
        first.destroyForcibly();
      }
      Process second = start(log.toFile());
      try {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> Records.assertReceiverMatchesCluster(receiver, client));
        assertThat(receiver.resyncs()).isGreaterThanOrEqualTo(2);
      } finally {
        client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("killed").delete();
        second.destroy();
        second.waitFor(120, TimeUnit.SECONDS);
      }
    }
  }

  Process start(File log) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@config/jvm.options", "-jar", "target/resource-sync-controller.jar")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().put("RESOURCE_SYNC_KUBECONFIG", cluster.kubeconfig().toString());
    builder.environment().put("CAMEL_MANAGEMENT_PORT", "0");
    builder.environment().put("RESOURCE_SYNC_ALLOWED_NAMESPACES", NS);
    builder.environment().put("RESOURCE_SYNC_STATUS_INTERVAL_MILLIS", "500");
    return builder.start();
  }

  void configMap(String name, String value) {
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name)
        .addToLabels("round", value).endMetadata().build()).serverSideApply();
  }
}
