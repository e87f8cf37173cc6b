package live.devopstoolkit.resourcesync.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import live.devopstoolkit.resourcesync.changes.ResourceChange;
import live.devopstoolkit.resourcesync.discovery.ApiDiscovery;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import org.junit.jupiter.api.Test;

/**
 * Proof that no Secret or ConfigMap data reaches the controller: every byte the informers' client
 * receives from the API server, lists and watches alike, is recorded and searched for values only
 * those objects' data holds, while the same objects' metadata and changes do arrive.
 */
class MetadataOnlyIT {

  static final String NS = "metadata-only-it";
  static final String SECRET_VALUE = "secret-canary-3f9d41";
  static final String NEXT_SECRET_VALUE = "secret-canary-next-8be2";
  static final String CONFIG_VALUE = "configmap-canary-77a0c5";

  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void informersReceiveMetadataButNoDataSpecOrStatus() throws Exception {
    cluster.createNamespace(NS);
    secret(SECRET_VALUE, "first");
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("canary")
        .endMetadata().addToData("value", CONFIG_VALUE).build()).serverSideApply();
    assertThat(client.secrets().inNamespace(NS).withName("canary").get().getData().get("value"))
        .as("the full client does read the data").isEqualTo(base64(SECRET_VALUE));

    Recorder recorder = new Recorder();
    List<ResourceChange> changes = new CopyOnWriteArrayList<>();
    try (KubernetesClient informerClient = MetadataOnly.client(Config.fromKubeconfig(cluster.kubeconfigYaml()),
        new VertxHttpClientFactory(), recorder);
        InformerRegistry registry = new InformerRegistry(informerClient, 500)) {
      registry.addListener(changes::add);
      registry.discovered(new ApiDiscovery(client).discover());
      // Other tests' types may never list (a broken conversion webhook); only these two matter here.
      await().atMost(Duration.ofSeconds(120)).until(() -> registry.watched().stream()
          .map(type -> type.resourceName()).toList().containsAll(List.of("secrets", "configmaps")));
      secret(NEXT_SECRET_VALUE, "second");
      await().atMost(Duration.ofSeconds(60)).until(() -> changes.stream().anyMatch(change -> change.after() != null
          && "canary".equals(change.ref().name()) && change.after().labels() != null
          && "second".equals(change.after().labels().get("round"))));
    }

    String received = recorder.text();
    assertThat(received).as("the secret's list and watch event were recorded")
        .contains("\"name\":\"canary\"").contains("\"round\":\"second\"");
    for (String value : List.of(SECRET_VALUE, NEXT_SECRET_VALUE, CONFIG_VALUE)) {
      assertThat(received).doesNotContain(value).doesNotContain(base64(value));
    }
  }

  void secret(String value, String round) {
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("canary")
        .addToLabels("round", round).endMetadata().addToStringData("value", value).build()).serverSideApply();
  }

  static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Copies every response body the client consumes. */
  static final class Recorder implements Interceptor {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public AsyncBody.Consumer<List<ByteBuffer>> consumer(AsyncBody.Consumer<List<ByteBuffer>> consumer,
        HttpRequest request) {
      return new AsyncBody.Consumer<>() {
        @Override
        public void consume(List<ByteBuffer> value, AsyncBody body) throws Exception {
          synchronized (bytes) {
            for (ByteBuffer buffer : value) {
              ByteBuffer copy = buffer.duplicate();
              byte[] chunk = new byte[copy.remaining()];
              copy.get(chunk);
              bytes.write(chunk);
            }
          }
          consumer.consume(value, body);
        }

        @Override
        public <U> U unwrap(Class<U> target) {
          return consumer.unwrap(target);
        }
      };
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
