package live.devopstoolkit.resourcesync.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;

/**
 * What most sync ITs start from: a namespace, a receiver with its token in a Secret, a controller,
 * and one ResourceSyncConfig pointed at the receiver, already Ready. Closing it removes the config
 * (so later tests' controllers do not sync to a closed receiver) and stops the rest.
 */
public final class SyncFixture implements AutoCloseable {

  public final ControlPlane cluster = ControlPlane.get();
  public final KubernetesClient client = cluster.client();
  public final String namespace;
  public final String config;
  public final ProtocolReceiver receiver;
  public final Controller controller;

  public SyncFixture(String namespace, String config, int debounceSeconds) throws Exception {
    this.namespace = namespace;
    this.config = config;
    cluster.createNamespace(namespace);
    receiver = new ProtocolReceiver(namespace + "-token");
    Configs.secret(client, namespace, "mcp-credentials", namespace + "-token");
    controller = Controller.start(cluster, Map.of());
    Configs.apply(client, namespace, config, receiver.endpoint(), "mcp-credentials", debounceSeconds);
    await().atMost(Duration.ofSeconds(180))
        .until(() -> "Synced".equals(Configs.readyReason(client, namespace, config)));
  }

  public void awaitReceiverMatchesCluster(Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> Records.assertReceiverMatchesCluster(receiver, client));
  }

  @Override
  public void close() throws Exception {
    client.resources(ResourceSyncConfig.class).inNamespace(namespace).withName(config).delete();
    controller.close();
    receiver.close();
  }
}
