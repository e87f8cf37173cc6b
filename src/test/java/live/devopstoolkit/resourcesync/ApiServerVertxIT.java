package live.devopstoolkit.resourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;
import live.devopstoolkit.resourcesync.testing.ByteCountingProxy;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The controller's clients, against a real API server through a proxy that counts the bytes and reads
 * each connection's ServerHello: a list large enough for the API server to compress arrives gzipped
 * over ChaCha20, where fabric8's own settings get it plain over AES-GCM, and both read the same objects.
 */
class ApiServerVertxIT {

  static final String NS = "api-server-vertx-it";
  static final int CONFIG_MAPS = 150;
  static final String TLS_CHACHA20_POLY1305_SHA256 = "0x1303";

  static final ControlPlane cluster = ControlPlane.get();
  static final SharedVertx shared = new SharedVertx();

  @BeforeAll
  static void manyConfigMaps() {
    cluster.createNamespace(NS);
    // 150 annotations of 1 KiB: the list is over the 128 KiB above which the API server compresses.
    String note = "the release notes of this component, kept for the operators of the cluster. ".repeat(14);
    IntStream.range(0, CONFIG_MAPS).parallel().forEach(i -> cluster.client().configMaps().inNamespace(NS)
        .resource(new ConfigMapBuilder().withNewMetadata().withName("settings-" + i)
            .addToAnnotations("example.com/notes", note).endMetadata().build()).serverSideApply());
  }

  @AfterAll
  static void closeVertx() {
    shared.vertx().close();
  }

  @Test
  void listsArriveCompressedOverChaCha20() throws Exception {
    Listing plain = list(new VertxHttpClientFactory(shared.vertx()));
    Listing tuned = list(shared.httpClients());

    assertThat(tuned.names).hasSize(CONFIG_MAPS).isEqualTo(plain.names);
    assertThat(plain.cipherSuites).as("fabric8's own settings").isNotEmpty()
        .doesNotContain(TLS_CHACHA20_POLY1305_SHA256);
    assertThat(tuned.cipherSuites).isNotEmpty().containsOnly(TLS_CHACHA20_POLY1305_SHA256);
    assertThat(plain.bytes).as("the plain list").isGreaterThan(150L * 1024);
    assertThat(tuned.bytes).as("the compressed list, against %d bytes plain", plain.bytes)
        .isLessThan(plain.bytes / 4);
  }

  record Listing(List<String> names, List<String> cipherSuites, long bytes) {
  }

  static Listing list(HttpClient.Factory httpClients) throws Exception {
    Config config = Config.fromKubeconfig(cluster.kubeconfigYaml());
    URI api = URI.create(config.getMasterUrl());
    try (ByteCountingProxy proxy = new ByteCountingProxy(api.getHost(), api.getPort())) {
      config.setMasterUrl("https://" + api.getHost() + ":" + proxy.port());
      List<String> names;
      try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
          .withHttpClientFactory(httpClients).build()) {
        names = client.configMaps().inNamespace(NS).list().getItems().stream()
            .map(HasMetadata::getMetadata).map(m -> m.getName()).sorted().toList();
      }
      return new Listing(names, proxy.cipherSuites(), proxy.bytesFromServer());
    }
  }
}
