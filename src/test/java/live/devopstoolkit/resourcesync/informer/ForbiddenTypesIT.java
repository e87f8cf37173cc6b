package live.devopstoolkit.resourcesync.informer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfigStatus;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import org.junit.jupiter.api.Test;

/**
 * The controller runs as a ServiceAccount that may read only the core group, its own CRD and CRDs:
 * every other type's first list is forbidden. Those types are reported, Ready is False, the rest
 * still syncs, and no resync is sent that would delete the forbidden types' records.
 */
class ForbiddenTypesIT {

  static final String NS = "forbidden-it";
  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void aTypeThatCannotBeListedIsReportedAndDoesNotBlockTheOthers() throws Exception {
    cluster.createNamespace(NS);
    client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata()
        .withName("invisible").endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "x").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "x").endMetadata().withNewSpec().addNewContainer()
        .withName("c").withImage("nginx").endContainer().endSpec().endTemplate().endSpec().build()).serverSideApply();
    Path kubeconfig = restrictedKubeconfig();

    try (ProtocolReceiver receiver = new ProtocolReceiver("restricted");
        Controller controller = Controller.start(cluster, Map.of("resource-sync.kubeconfig", kubeconfig.toString()))) {
      Configs.secret(client, NS, "mcp-credentials", "restricted");
      Configs.apply(client, NS, "restricted", receiver.endpoint(), "mcp-credentials", 1);
      client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("visible")
          .endMetadata().build()).serverSideApply();

      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
        assertThat(receiver.records()).containsKey(NS + ":v1:ConfigMap:visible");
        ResourceSyncConfigStatus status = Configs.status(client, NS, "restricted");
        assertThat(Configs.readyReason(client, NS, "restricted")).isEqualTo("TypesNotWatched");
        assertThat(Configs.ready(client, NS, "restricted").orElseThrow().getMessage())
            .contains("the full resync waits until they can be listed")
            .contains("types not watched:").contains("apiservices.apiregistration.k8s.io (forbidden)");
        assertThat(status.getWatchedResourceTypes()).isBetween(10, 40);
      });
      assertThat(receiver.records().keySet()).noneMatch(id -> id.contains(":Deployment:"));
      assertThat(receiver.resyncs()).isZero();
      client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("restricted").delete();
    }
  }

  Path restrictedKubeconfig() throws Exception {
    client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("restricted").endMetadata().build()).serverSideApply();
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: forbidden-it}
        rules:
          - {apiGroups: [""], resources: ["*"], verbs: [get, list, watch]}
          - {apiGroups: [""], resources: [events], verbs: [create, patch]}
          - {apiGroups: [apiextensions.k8s.io], resources: [customresourcedefinitions], verbs: [get, list, watch]}
          - apiGroups: [dot-ai.devopstoolkit.live]
            resources: [resourcesyncconfigs, resourcesyncconfigs/status]
            verbs: [get, list, watch, patch, update]
        """, HasMetadata.class)).serverSideApply();
    client.resource(client.getKubernetesSerialization().unmarshal("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: forbidden-it}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: forbidden-it}
        subjects: [{kind: ServiceAccount, name: restricted, namespace: %s}]
        """.formatted(NS), HasMetadata.class)).serverSideApply();
    return cluster.serviceAccountKubeconfig(NS, "restricted");
  }
}
