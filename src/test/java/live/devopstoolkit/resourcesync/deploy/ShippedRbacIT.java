package live.devopstoolkit.resourcesync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.ClusterState;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.Manifests;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import live.devopstoolkit.resourcesync.testing.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controller running as its real ServiceAccount with exactly the RBAC that config/ ships, leading
 * through its Lease: it syncs the whole cluster, which proves the trimmed verbs are all it uses. With
 * the no-secrets overlay it syncs everything its rules grant but Secrets.
 */
class ShippedRbacIT {

  static final String NS = "dot-ai";
  static final String ACCOUNT = "resource-sync-controller";
  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();
  ProtocolReceiver receiver;
  Controller controller;

  @AfterEach
  void restoreTheBaseRbac() throws Exception {
    if (controller != null) {
      controller.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("rbac").delete();
    client.pods().inNamespace(NS).withName("rbac-it").delete();
    Manifests.applyRbac(Manifests.build("config"));
  }

  @Test
  void theShippedRbacIsEnoughToSyncTheWholeClusterAsLeader() throws Exception {
    syncAs(Manifests.build("config"), Map.of());
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> Records.assertReceiverMatchesCluster(receiver, client));
    assertThat(receiver.records().keySet()).anyMatch(id -> id.contains(":v1:Secret:"));
  }

  @Test
  void withTheNoSecretsOverlayNoSecretIsSyncedAndEverythingGrantedIs() throws Exception {
    List<HasMetadata> manifests = Manifests.build("config/overlays/no-secrets");
    Set<String> grantedGroups = manifests.stream().filter(m -> m instanceof ClusterRole role
            && role.getMetadata().getName().equals("resource-sync-controller-read"))
        .flatMap(m -> ((ClusterRole) m).getRules().stream()).filter(r -> r.getResources().contains("*"))
        .map(PolicyRule::getApiGroups).flatMap(List::stream).collect(Collectors.toSet());
    syncAs(manifests, Map.of("resource-sync.excluded-types", "secrets"));
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      Map<String, JsonNode> expected = new TreeMap<>();
      ClusterState.expectedRecords(client).forEach((id, record) -> {
        String apiVersion = record.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        if (!record.path("kind").asText().equals("Secret") && (group.isEmpty() || grantedGroups.contains(group))) {
          expected.put(id, record);
        }
      });
      Records.assertSame(receiver.records(), expected);
    });
    assertThat(receiver.records().keySet()).noneMatch(id -> id.contains(":Secret:"));
  }

  @Test
  void aConfigInANamespaceWhoseSecretsItMayNotReadSaysSo() throws Exception {
    cluster.createNamespace("rbac-other");
    syncAs(Manifests.build("config"), Map.of("resource-sync.allowed-namespaces", NS + ",rbac-other"));
    Configs.secret(client, "rbac-other", "mcp-credentials", "rbac-token");
    Configs.apply(client, "rbac-other", "rbac", receiver.endpoint(), "mcp-credentials", 1);
    try {
      await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
        assertThat(Configs.readyReason(client, "rbac-other", "rbac")).isEqualTo("SecretNotFound");
        assertThat(Configs.ready(client, "rbac-other", "rbac").orElseThrow().getMessage())
            .contains("Secret(rbac-other/mcp-credentials) cannot be read: the controller needs get on Secrets");
      });
    } finally {
      client.resources(ResourceSyncConfig.class).inNamespace("rbac-other").withName("rbac").delete();
    }
  }

  /** Applies the manifests' RBAC, then starts a leading controller as the ServiceAccount, syncing dot-ai. */
  void syncAs(List<HasMetadata> manifests, Map<String, String> settings) throws Exception {
    Manifests.applyRbac(manifests);
    cluster.createNamespace(NS);
    client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("rbac-it")
        .addToLabels("app", "rbac-it").endMetadata().build()).serverSideApply();
    cluster.replicaPod(NS, "rbac-it", Map.of("app.kubernetes.io/name", "dot-ai-controller"), true);
    receiver = new ProtocolReceiver("rbac-token");
    Configs.secret(client, NS, "mcp-credentials", "rbac-token");
    Map<String, String> overrides = new HashMap<>(settings);
    overrides.put("resource-sync.kubeconfig", cluster.serviceAccountKubeconfig(NS, ACCOUNT).toString());
    overrides.putIfAbsent("resource-sync.allowed-namespaces", NS);
    overrides.put("resource-sync.leader-election.enabled", "true");
    overrides.put("resource-sync.leader-election.namespace", NS);
    overrides.put("resource-sync.leader-election.pod-name", "rbac-it");
    controller = Controller.start(cluster, overrides);
    Configs.apply(client, NS, "rbac", receiver.endpoint(), "mcp-credentials", 1);
    await().atMost(Duration.ofSeconds(120)).until(() -> "Synced".equals(Configs.readyReason(client, NS, "rbac")));
  }
}
