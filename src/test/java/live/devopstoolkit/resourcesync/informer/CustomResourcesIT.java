package live.devopstoolkit.resourcesync.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import live.devopstoolkit.resourcesync.testing.SyncFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CRDs installed and removed while the controller runs, served under one or two versions. */
class CustomResourcesIT {

  static final String NS = "crd-it";
  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static SyncFixture fixture;
  static ControlPlane cluster;
  static KubernetesClient client;
  static ProtocolReceiver receiver;
  static Controller controller;

  @BeforeAll
  static void start() throws Exception {
    fixture = new SyncFixture(NS, "crd-sync", 1);
    cluster = fixture.cluster;
    client = fixture.client;
    receiver = fixture.receiver;
    controller = fixture.controller;
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @Test
  void aCrdInstalledAtRuntimeIsWatchedAndItsObjectsSyncedThenRemovedWithIt() throws Exception {
    InformerRegistry informers = controller.camel().getRegistry().lookupByNameAndType("informerRegistry",
        InformerRegistry.class);
    CustomResourceDefinition crd = install("databases", "Database", List.of("v1"));
    ResourceDefinitionContext databases = context(crd, "v1");
    for (String name : List.of("orders-db", "payments-db", "search-db")) {
      client.genericKubernetesResources(databases).inNamespace(NS).resource(database(name, "v1")).create();
    }
    await().atMost(TIMEOUT).untilAsserted(() -> {
      JsonNode record = receiver.records().get(NS + ":example.com/v1:Database:payments-db");
      assertThat(record).isNotNull();
      assertThat(record.path("labels").path("engine").asText()).isEqualTo("postgres");
      assertThat(record.path("annotations").path("description").asText()).isEqualTo("payments-db database");
      Records.assertReceiverMatchesCluster(receiver, client);
    });
    // Seen once right after the records arrived: the type was not yet (or no longer) listed as watched.
    await().atMost(TIMEOUT).untilAsserted(() ->
        assertThat(informers.watched()).extracting(ResourceType::toString).contains("Database.example.com/v1"));

    client.resource(crd).delete();
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(receiver.records().keySet()).noneMatch(id -> id.contains(":example.com/v1:Database:"));
      assertThat(informers.watched()).extracting(ResourceType::toString).doesNotContain("Database.example.com/v1");
      assertThat(informers.failedTypes()).isEmpty();
      Records.assertReceiverMatchesCluster(receiver, client);
    });
  }

  @Test
  void aTypeServedUnderTwoVersionsIsSyncedOnceUnderThePreferredVersion() throws Exception {
    CustomResourceDefinition crd = install("caches", "Cache", List.of("v1", "v1beta1"));
    client.genericKubernetesResources(context(crd, "v1beta1")).inNamespace(NS).resource(cache("sessions")).create();
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(receiver.records()).containsKey(NS + ":example.com/v1:Cache:sessions");
      Records.assertReceiverMatchesCluster(receiver, client);
    });
    assertThat(receiver.records().keySet()).noneMatch(id -> id.contains("example.com/v1beta1"));
    client.resource(crd).delete();
  }

  @Test
  void statusOnlyAndResourceVersionOnlyUpdatesSendNothing() throws Exception {
    CustomResourceDefinition crd = install("queues", "Queue", List.of("v1"));
    ResourceDefinitionContext queues = context(crd, "v1");
    client.genericKubernetesResources(queues).inNamespace(NS).resource(queue("jobs")).create();
    String id = NS + ":example.com/v1:Queue:jobs";
    await().atMost(TIMEOUT).until(() -> receiver.records().containsKey(id));
    int sent = receiver.requests().size();

    GenericKubernetesResource jobs = client.genericKubernetesResources(queues).inNamespace(NS).withName("jobs").get();
    jobs.setAdditionalProperty("status", Map.of("depth", 42));
    client.genericKubernetesResources(queues).inNamespace(NS).resource(jobs).updateStatus();
    client.genericKubernetesResources(queues).inNamespace(NS).withName("jobs").edit(q -> {
      q.getMetadata().getAnnotations().put("example.com/owner", "not synced");
      return q;
    });
    // A later, relevant change: once it has arrived, anything the updates above caused has been sent too.
    client.genericKubernetesResources(queues).inNamespace(NS).resource(queue("marker")).create();
    await().atMost(TIMEOUT).until(() -> receiver.records().containsKey(NS + ":example.com/v1:Queue:marker"));
    assertThat(receiver.requests().subList(sent, receiver.requests().size()))
        .noneMatch(request -> request.toString().contains("\"name\":\"jobs\""));
    client.resource(crd).delete();
  }

  @Test
  void kindsServedOnlyByANonPreferredVersionOfTheirGroupAreSyncedToo() throws Exception {
    CustomResourceDefinition alertmanagers = install("monitoring.example.com", "alertmanagers", "Alertmanager",
        List.of("v1"));
    CustomResourceDefinition configs = install("monitoring.example.com", "alertmanagerconfigs",
        "AlertmanagerConfig", List.of("v1alpha1"));
    client.genericKubernetesResources(context(alertmanagers, "v1")).inNamespace(NS).resource(object(
        "monitoring.example.com/v1", "Alertmanager", "main", Map.of("team", "sre"), Map.of())).create();
    client.genericKubernetesResources(context(configs, "v1alpha1")).inNamespace(NS).resource(object(
        "monitoring.example.com/v1alpha1", "AlertmanagerConfig", "routes", Map.of("team", "sre"), Map.of())).create();
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(receiver.records()).containsKeys(NS + ":monitoring.example.com/v1:Alertmanager:main",
          NS + ":monitoring.example.com/v1alpha1:AlertmanagerConfig:routes");
      Records.assertReceiverMatchesCluster(receiver, client);
    });
    client.resource(configs).delete();
    client.resource(alertmanagers).delete();
  }

  @Test
  void aKindWhosePreferredVersionChangesMovesToItWithoutLosingOrDuplicatingRecords() throws Exception {
    CustomResourceDefinition crd = install("stages", "Stage", List.of("v1alpha1"));
    List<String> names = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "stage-" + i).toList();
    for (String name : names) {
      client.genericKubernetesResources(context(crd, "v1alpha1")).inNamespace(NS).resource(object(
          "example.com/v1alpha1", "Stage", name, Map.of("app", "pipeline"), Map.of())).create();
    }
    String alpha = NS + ":example.com/v1alpha1:Stage:";
    String ga = NS + ":example.com/v1:Stage:";
    await().atMost(TIMEOUT).until(() -> names.stream().allMatch(n -> receiver.records().containsKey(alpha + n)));

    List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    receiver.onRequest((request, millis) -> {
      Map<String, JsonNode> held = receiver.records();
      names.stream().filter(n -> !held.containsKey(alpha + n) && !held.containsKey(ga + n))
          .forEach(n -> violations.add("no record of " + n + " after " + request));
      request.path("deletes").forEach(d -> {
        if ("example.com/v1".equals(d.path("apiVersion").asText())) {
          violations.add("delete of an existing object's record: " + d);
        }
      });
    });
    try {
      client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName()).edit(c -> {
        var old = c.getSpec().getVersions().get(0);
        old.setStorage(false);
        c.getSpec().getVersions().add(new io.fabric8.kubernetes.api.model.apiextensions.v1
            .CustomResourceDefinitionVersionBuilder(old).withName("v1").withStorage(true).build());
        return c;
      });
      await().atMost(TIMEOUT).untilAsserted(() -> {
        assertThat(receiver.records().keySet()).noneMatch(id -> id.startsWith(alpha));
        assertThat(names).allMatch(n -> receiver.records().containsKey(ga + n));
        Records.assertReceiverMatchesCluster(receiver, client);
      });
    } finally {
      receiver.onRequest((request, millis) -> { });
    }
    assertThat(violations).isEmpty();
    client.resource(crd).delete();
  }

  @Test
  void theCrdInformerKeepsNoSchemas() throws Exception {
    CustomResourceDefinition crd = install("schemas", "Schema", List.of("v1"));
    SingleTypeConsumer crds = (SingleTypeConsumer) controller.camel().getRoute("discovery-on-crd-change").getConsumer();
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(crds.cached())
        .anyMatch(c -> c.getMetadata().getName().equals(crd.getMetadata().getName())));
    assertThat(crds.cached()).allSatisfy(c -> {
      assertThat(c.getAdditionalProperties()).doesNotContainKeys("spec", "status");
      assertThat(c.getMetadata().getName()).isNotEmpty();
    });
    client.resource(crd).delete();
  }

  static CustomResourceDefinition install(String plural, String kind, List<String> versions) throws Exception {
    return install("example.com", plural, kind, versions);
  }

  /** A CRD serving {@code versions}, the first of them stored. */
  static CustomResourceDefinition install(String group, String plural, String kind, List<String> versions)
      throws Exception {
    KubernetesClient client = ControlPlane.get().client();
    StringBuilder yaml = new StringBuilder("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: %s.%s
        spec:
          group: %s
          scope: Namespaced
          names: {plural: %s, singular: %s, kind: %s}
          versions:
        """.formatted(plural, group, group, plural, kind.toLowerCase(), kind));
    for (String version : versions) {
      yaml.append("""
            - name: %s
              served: true
              storage: %s
              subresources: {status: {}}
              schema:
                openAPIV3Schema:
                  type: object
                  x-kubernetes-preserve-unknown-fields: true
          """.formatted(version, version.equals(versions.get(0))));
    }
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
        .load(new java.io.ByteArrayInputStream(yaml.toString().getBytes())).item();
    CustomResourceDefinition created = client.resource(crd).create();
    ControlPlane.awaitEstablished(client, created);
    return created;
  }

  static ResourceDefinitionContext context(CustomResourceDefinition crd, String version) {
    return new ResourceDefinitionContext.Builder().withGroup(crd.getSpec().getGroup()).withVersion(version)
        .withKind(crd.getSpec().getNames().getKind()).withPlural(crd.getSpec().getNames().getPlural())
        .withNamespaced(true).build();
  }

  static GenericKubernetesResource database(String name, String version) {
    return object("example.com/" + version, "Database", name, Map.of("engine", "postgres"),
        Map.of("description", name + " database"));
  }

  static GenericKubernetesResource cache(String name) {
    return object("example.com/v1beta1", "Cache", name, Map.of("engine", "redis"), Map.of());
  }

  static GenericKubernetesResource queue(String name) {
    return object("example.com/v1", "Queue", name, Map.of("app", "jobs"), Map.of("description", "work queue"));
  }

  static GenericKubernetesResource object(String apiVersion, String kind, String name, Map<String, String> labels,
      Map<String, String> annotations) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(apiVersion);
    object.setKind(kind);
    object.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace(NS)
        .withLabels(labels).withAnnotations(new java.util.HashMap<>(annotations)).build());
    object.setAdditionalProperty("spec", Map.of("size", "small"));
    return object;
  }
}
