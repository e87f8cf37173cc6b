package live.devopstoolkit.resourcesync.delivery;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.junit.jupiter.api.Test;

/** An https receiver whose certificate only the configured CA bundle vouches for. */
class HttpsEndpointIT {

  static final String NS = "https-it";

  @Test
  void anHttpsEndpointSignedByThePrivateCaOfTheBundleIsSyncedTo() throws Exception {
    ControlPlane cluster = ControlPlane.get();
    KubernetesClient client = cluster.client();
    cluster.createNamespace(NS);
    Path dir = Files.createTempDirectory("https-it");
    Path keystore = dir.resolve("receiver.p12");
    Path ca = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "receiver", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", ca.toString());

    try (ProtocolReceiver receiver = new ProtocolReceiver("tls", serverContext(keystore));
        Controller controller = Controller.start(cluster, Map.of("resource-sync.delivery.ca-bundle", ca.toString()))) {
      Configs.secret(client, NS, "mcp-credentials", "tls");
      Configs.apply(client, NS, "tls", receiver.endpoint(), "mcp-credentials", 1);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Records.assertReceiverMatchesCluster(receiver, client));
      client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("tls").delete();
    }
  }

  static SSLContext serverContext(Path keystore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }
}
