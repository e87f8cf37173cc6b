package live.devopstoolkit.resourcesync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Manifests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The in-cluster deployment under config/, as the real API server takes it. */
class DeployManifestsIT {

  static final String SERVICE_ACCOUNT = "system:serviceaccount:dot-ai:resource-sync-controller";
  static ControlPlane cluster;
  static KubernetesClient client;
  static List<HasMetadata> manifests;

  @BeforeAll
  static void build() throws Exception {
    cluster = ControlPlane.get();
    client = cluster.client();
    manifests = Manifests.build("config");
  }

  @Test
  void everyManifestIsAcceptedByTheApiServer() {
    cluster.createNamespace("dot-ai");
    for (HasMetadata manifest : manifests) {
      client.resource(manifest).dryRun().serverSideApply();
    }
    assertThat(manifests).extracting(HasMetadata::getKind).contains("CustomResourceDefinition", "Namespace",
        "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "ConfigMap",
        "Service", "NetworkPolicy");
  }

  @Test
  void theDeploymentIsLockedDownAndShutsDownWithinItsGracePeriod() throws IOException {
    Deployment deployment = manifests.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .findFirst().orElseThrow();
    var pod = deployment.getSpec().getTemplate().getSpec();
    Container container = pod.getContainers().get(0);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/name", "dot-ai-controller");
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/live");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/observe/health/ready");
    assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(container.getEnv()).anySatisfy(env -> {
      assertThat(env.getName()).isEqualTo("RESOURCE_SYNC_LEADER_ELECTION_ENABLED");
      assertThat(env.getValue()).isEqualTo("true");
    });
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    Properties properties = new Properties();
    properties.load(Files.newBufferedReader(Path.of("config/application.properties"), StandardCharsets.UTF_8));
    long shutdownSeconds = Long.parseLong(properties.getProperty("camel.main.shutdown-timeout"))
        + Long.parseLong(properties.getProperty("resource-sync.shutdown.flush-timeout-millis")) / 1000;
    assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(shutdownSeconds);
  }

  @ParameterizedTest(name = "{0} {1} {2} in {3}: {4}")
  @CsvSource({
      "list, '', secrets, '', true",
      "watch, apps, deployments, '', true",
      "list, example.com, anything, '', true",
      "get, example.com, anything, '', false",
      "get, '', configmaps, team-a, false",
      "get, '', secrets, dot-ai, true",
      "get, '', secrets, team-a, false",
      "patch, dot-ai.devopstoolkit.live, resourcesyncconfigs/status, team-a, true",
      "update, dot-ai.devopstoolkit.live, resourcesyncconfigs/status, team-a, false",
      "create, '', events, team-a, true",
      "patch, '', events, team-a, false",
      "get, coordination.k8s.io, leases, dot-ai, true",
      "update, coordination.k8s.io, leases, dot-ai, true",
      "delete, coordination.k8s.io, leases, dot-ai, false",
      "patch, dot-ai.devopstoolkit.live, resourcesyncconfigs, team-a, false",
      "delete, '', secrets, team-a, false",
      "update, apps, deployments, team-a, false",
      "create, '', pods, dot-ai, false",
      "update, coordination.k8s.io, leases, kube-system, false"})
  void theServiceAccountMayListAndWatchEverythingButWriteOnlyStatusEventsAndItsLease(String verb, String group,
      String resource, String namespace, boolean allowed) {
    assertThat(allowed(manifests, verb, group, resource, namespace)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} {1} {2} in {3}: {4}")
  @CsvSource({
      "list, '', secrets, '', false",
      "watch, '', secrets, dot-ai, false",
      "get, '', secrets, dot-ai, true",
      "list, '', configmaps, '', true",
      "watch, apps, deployments, '', true",
      "list, dot-ai.devopstoolkit.live, resourcesyncconfigs, '', true",
      "list, example.com, anything, '', false"})
  void withTheNoSecretsOverlayNoSecretIsListedOrWatched(String verb, String group, String resource,
      String namespace, boolean allowed) throws Exception {
    List<HasMetadata> noSecrets = Manifests.build("config/overlays/no-secrets");
    try {
      assertThat(allowed(noSecrets, verb, group, resource, namespace)).isEqualTo(allowed);
    } finally {
      Manifests.applyRbac(manifests);
    }
    Deployment deployment = noSecrets.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .findFirst().orElseThrow();
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
        .anySatisfy(env -> {
          assertThat(env.getName()).isEqualTo("RESOURCE_SYNC_EXCLUDED_TYPES");
          assertThat(env.getValue()).isEqualTo("secrets");
        });
  }

  static boolean allowed(List<HasMetadata> manifests, String verb, String group, String resource, String namespace) {
    Manifests.applyRbac(manifests);
    String[] parts = resource.split("/");
    Config config = new ConfigBuilder(Config.fromKubeconfig(cluster.kubeconfigYaml()))
        .withImpersonateUsername(SERVICE_ACCOUNT).build();
    try (KubernetesClient asController = new KubernetesClientBuilder().withConfig(config).build()) {
      SelfSubjectAccessReview review = asController.authorization().v1().selfSubjectAccessReview().create(
          new SelfSubjectAccessReviewBuilder().withNewSpec().withResourceAttributes(new ResourceAttributesBuilder()
              .withVerb(verb).withGroup(group).withResource(parts[0])
              .withSubresource(parts.length > 1 ? parts[1] : null)
              .withNamespace(namespace.isEmpty() ? null : namespace).build()).endSpec().build());
      return review.getStatus().getAllowed();
    }
  }
}
