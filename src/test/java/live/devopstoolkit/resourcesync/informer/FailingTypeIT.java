package live.devopstoolkit.resourcesync.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceConversionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import live.devopstoolkit.resourcesync.delivery.Pipelines;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.junit.jupiter.api.Test;

/**
 * A type whose list fails keeps its records on the receiver: first while the controller runs (its
 * last-known objects go into the resync), then across a controller restart (it has never listed,
 * so the resync waits while other changes, deletes included, still flow). The failure is a conversion webhook that
 * points nowhere, which fails every list at the version the controller watches once one object is
 * stored at another version.
 */
class FailingTypeIT {

  static final String NS = "failing-it";
  static final String CONFIG = "failing-sync";
  static final String TYPE = "gadgets.failing.example.com";
  static final Duration TIMEOUT = Duration.ofSeconds(180);
  static final List<String> GADGETS = IntStream.range(0, 5).mapToObj(i -> "gadget-" + i).toList();

  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void aResyncWhileATypeFailsKeepsItsRecordsAndTheTypeCatchesUpOnceItRecovers() throws Exception {
    cluster.createNamespace(NS);
    CustomResourceDefinition crd = CustomResourcesIT.install("failing.example.com", "gadgets", "Gadget",
        List.of("v1"));
    GADGETS.forEach(name -> create(crd, "v1", name));
    Controller controller = null;
    try (ProtocolReceiver receiver = new ProtocolReceiver("failing-token")) {
      Configs.secret(client, NS, "mcp-credentials", "failing-token");
      controller = Controller.start(cluster, Map.of());
      Configs.apply(client, NS, CONFIG, receiver.endpoint(), "mcp-credentials", 1);
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(Configs.readyReason(client, NS, CONFIG)).isEqualTo("Synced");
        assertThat(receiver.records()).containsKeys(gadgetIds());
      });

      breakConversion(crd);
      // The API server serves the new version a moment after the CRD changed.
      await().atMost(TIMEOUT).ignoreException(KubernetesClientException.class).until(() -> {
        create(crd, "v1beta1", "stored-as-v1beta1");
        return true;
      });
      InformerRegistry informers = controller.camel().getRegistry().lookupByNameAndType("informerRegistry",
          InformerRegistry.class);
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(informers.failedTypes()).containsKey(TYPE);
        assertThat(Configs.readyReason(client, NS, CONFIG)).isEqualTo("TypesNotWatched");
        assertThat(Configs.ready(client, NS, CONFIG).orElseThrow().getMessage()).contains(TYPE);
      });
      int resyncs = receiver.resyncs();
      controller.camel().getRegistry().lookupByNameAndType("pipelines", Pipelines.class).resync(NS + "/" + CONFIG);
      await().atMost(TIMEOUT).until(() -> receiver.resyncs() > resyncs);
      JsonNode resync = receiver.requests().stream().filter(r -> r.path("isResync").asBoolean()).reduce((a, b) -> b)
          .orElseThrow();
      assertThat(StreamSupport.stream(resync.path("upserts").spliterator(), false)
          .map(r -> r.path("name").asText())).containsAll(GADGETS);
      assertThat(receiver.records()).containsKeys(gadgetIds());
      configMap("deleted-while-failing").create();
      await().atMost(TIMEOUT).until(() -> receiver.records().containsKey(NS + ":v1:ConfigMap:deleted-while-failing"));

      controller.close();
      controller = Controller.start(cluster, Map.of());
      int resyncsBeforeRestart = receiver.resyncs();
      configMap("changed-while-failing").create();
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(receiver.records()).containsKey(NS + ":v1:ConfigMap:changed-while-failing");
        assertThat(Configs.ready(client, NS, CONFIG).orElseThrow().getMessage())
            .contains("the full resync waits until they can be listed").contains(TYPE);
      });
      configMap("deleted-while-failing").delete();
      await().atMost(TIMEOUT).untilAsserted(() -> assertThat(receiver.records())
          .as("a delete before the first resync of this run").doesNotContainKey(NS + ":v1:ConfigMap:deleted-while-failing"));
      assertThat(receiver.resyncs()).isEqualTo(resyncsBeforeRestart);
      assertThat(receiver.records()).containsKeys(gadgetIds());

      repairConversion(crd);
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(receiver.resyncs()).isGreaterThan(resyncsBeforeRestart);
        assertThat(Configs.readyReason(client, NS, CONFIG)).isEqualTo("Synced");
        assertThat(receiver.records()).containsKey(NS + ":failing.example.com/v1:Gadget:stored-as-v1beta1");
        Records.assertReceiverMatchesCluster(receiver, client);
      });
      client.resources(ResourceSyncConfig.class).inNamespace(NS).withName(CONFIG).delete();
    } finally {
      if (controller != null) {
        controller.close();
      }
      client.resource(crd).delete();
    }
  }

  Resource<ConfigMap> configMap(String name) {
    return client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata()
        .withName(name).endMetadata().build());
  }

  /** Adds a stored version v1beta1 whose conversion to v1 needs a webhook that does not answer. */
  void breakConversion(CustomResourceDefinition crd) {
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).edit(c -> {
      var v1 = c.getSpec().getVersions().get(0);
      v1.setStorage(false);
      c.getSpec().getVersions().add(new CustomResourceDefinitionVersionBuilder(v1).withName("v1beta1")
          .withStorage(true).build());
      c.getSpec().setConversion(new CustomResourceConversionBuilder().withStrategy("Webhook").withNewWebhook()
          .withConversionReviewVersions("v1").withNewClientConfig().withUrl("https://127.0.0.1:1/convert")
          .endClientConfig().endWebhook().build());
      return c;
    });
  }

  void repairConversion(CustomResourceDefinition crd) {
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).edit(c -> {
      c.getSpec().setConversion(new CustomResourceConversionBuilder().withStrategy("None").build());
      return c;
    });
  }

  void create(CustomResourceDefinition crd, String version, String name) {
    GenericKubernetesResource gadget = new GenericKubernetesResource();
    gadget.setApiVersion("failing.example.com/" + version);
    gadget.setKind("Gadget");
    gadget.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).addToLabels("app", "gadgets")
        .build());
    client.genericKubernetesResources(CustomResourcesIT.context(crd, version)).inNamespace(NS).resource(gadget)
        .create();
  }

  static String[] gadgetIds() {
    return GADGETS.stream().map(name -> NS + ":failing.example.com/v1:Gadget:" + name).toArray(String[]::new);
  }
}
