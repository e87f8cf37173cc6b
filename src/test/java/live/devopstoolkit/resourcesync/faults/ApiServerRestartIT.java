package live.devopstoolkit.resourcesync.faults;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.junit.jupiter.api.Test;

/**
 * kube-apiserver killed with SIGKILL and started again during churn, etcd and its data kept: the
 * watches reconnect and relist, and nothing is missed. It runs on a control plane of its own
 * (hack/cluster.sh with its own state and ports), since the shared one cannot be restarted.
 */
class ApiServerRestartIT {

  static final String NS = "apiserver-restart-it";

  @Test
  void theReceiverConvergesAfterTheApiServerRestartsDuringChurn() throws Exception {
    Path state = Path.of("target", "apiserver-restart-it").toAbsolutePath();
    Map<String, String> env = Map.of("CLUSTER_STATE", state.resolve("cluster").toString(),
        "CLUSTER_KUBECONFIG", state.resolve("kubeconfig").toString(),
        "CLUSTER_API_PORT", String.valueOf(freePort()), "CLUSTER_ETCD_PORT", String.valueOf(freePortAndNext()));
    Files.createDirectories(state);
    cluster(env, "up");
    Config config = Config.fromKubeconfig(Files.readString(state.resolve("kubeconfig")));
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        ProtocolReceiver receiver = new ProtocolReceiver("restart")) {
      ControlPlane.installCrd(client);
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
          .serverSideApply();
      Configs.secret(client, NS, "mcp-credentials", "restart");
      Configs.apply(client, NS, "restart", receiver.endpoint(), "mcp-credentials", 1);

      try (Controller controller = Controller.start(ControlPlane.get(),
          Map.of("resource-sync.kubeconfig", state.resolve("kubeconfig").toString()))) {
        await().atMost(Duration.ofSeconds(240)).until(() -> receiver.resyncs() > 0);
        ExecutorService churn = Executors.newSingleThreadExecutor();
        AtomicBoolean churning = new AtomicBoolean(true);
        AtomicInteger round = new AtomicInteger();
        churn.execute(() -> {
          while (churning.get()) {
            int i = round.getAndIncrement();
            try {
              client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
                  .withName("churn-" + (i % 30)).addToLabels("round", "r" + i).endMetadata().build()).serverSideApply();
              if (i % 5 == 0) {
                client.configMaps().inNamespace(NS).withName("churn-" + ((i + 2) % 30)).delete();
              }
            } catch (KubernetesClientException e) {
              // The API server is down for a moment; churn goes on once it is back.
            }
          }
        });
        try {
          await().atMost(Duration.ofSeconds(120)).until(() -> round.get() > 100);
          cluster(env, "restart-apiserver");
          int restartedAt = round.get();
          await().atMost(Duration.ofSeconds(240)).until(() -> round.get() > restartedAt + 100);
        } finally {
          churning.set(false);
          churn.shutdown();
          churn.awaitTermination(120, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> Records.assertReceiverMatchesCluster(receiver, client));
      }
    } finally {
      cluster(env, "down");
    }
  }

  static void cluster(Map<String, String> env, String command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("hack/cluster.sh", command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "apiserver-restart-it", "cluster.log").toFile()));
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("hack/cluster.sh " + command + " failed");
    }
  }

  /**
   * A free port whose next port is free too: hack/cluster.sh gives etcd's peer listener the port
   * after its client port, and etcd does not start when that one is taken.
   */
  static int freePortAndNext() throws IOException {
    while (true) {
      int port = freePort();
      if (port < 65535) {
        try (ServerSocket next = new ServerSocket(port + 1)) {
          return port;
        } catch (IOException taken) {
          // Try another pair.
        }
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
