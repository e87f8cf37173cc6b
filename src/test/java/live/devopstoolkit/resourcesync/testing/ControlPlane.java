package live.devopstoolkit.resourcesync.testing;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real kube-apiserver and etcd for the whole test JVM (kube-api-test, offline, with the
 * binaries hack/kube-binaries.sh builds), with the generated CRD installed. Tests isolate by
 * namespace; starting a server per class would cost more than the tests.
 */
public final class ControlPlane {

  /** Must match the version hack/kube-binaries.sh builds (the pom's kube.version). */
  public static final String KUBE_VERSION = System.getProperty("kube.version", "1.34.4");
  public static final Path CRD = Path.of("config/crd/resourcesyncconfigs.dot-ai.devopstoolkit.live-v1.yml");

  private static ControlPlane instance;

  private final KubeAPIServer server;
  private final KubernetesClient client;
  private final Path kubeconfig;

  private ControlPlane() throws IOException {
    server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withApiServerVersion(KUBE_VERSION)
        .withOfflineMode(true)
        .withStartupTimeout(300_000)
        .build());
    server.start();
    String yaml = server.getKubeConfigYaml();
    kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
    Files.writeString(kubeconfig, yaml);
    client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(yaml)).build();
    installCrd(client);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
  }

  /** Installs the generated ResourceSyncConfig CRD into any cluster and waits until it is served. */
  public static void installCrd(KubernetesClient client) throws IOException {
    try (InputStream crd = Files.newInputStream(CRD)) {
      awaitEstablished(client, client.resource(client.apiextensions().v1().customResourceDefinitions().load(crd)
          .item()).serverSideApply());
    }
  }

  /** Waits until the API server serves the CRD's types. */
  public static void awaitEstablished(KubernetesClient client, CustomResourceDefinition crd) {
    client.resource(crd).waitUntilCondition(c -> c != null && c.getStatus() != null
        && c.getStatus().getConditions() != null && c.getStatus().getConditions().stream()
        .anyMatch(x -> "Established".equals(x.getType()) && "True".equals(x.getStatus())), 120, TimeUnit.SECONDS);
  }

  public static synchronized ControlPlane get() {
    if (instance == null) {
      try {
        instance = new ControlPlane();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  public KubernetesClient client() {
    return client;
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public String kubeconfigYaml() {
    try {
      return Files.readString(kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A kubeconfig for this server that authenticates as a ServiceAccount, with a fresh token. */
  public Path serviceAccountKubeconfig(String namespace, String account) throws IOException {
    String token = client.serviceAccounts().inNamespace(namespace).withName(account).tokenRequest(
        new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build()).getStatus().getToken();
    String server = kubeconfigYaml().lines().filter(l -> l.trim().startsWith("server:")).findFirst().orElseThrow()
        .trim().substring("server:".length()).trim();
    Path file = Files.createTempFile(account, ".yaml");
    Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters: [{name: test, cluster: {server: %s, insecure-skip-tls-verify: true}}]
        users: [{name: %s, user: {token: %s}}]
        contexts: [{name: test, context: {cluster: test, user: %s, namespace: %s}}]
        current-context: test
        """.formatted(server, account, token, account, namespace));
    return file;
  }

  /**
   * A controller replica's Pod, running and ready or not. The API server has no kubelet, so the Pod
   * is an object whose status says so, which is all Camel's cluster service reads.
   */
  public void replicaPod(String namespace, String name, Map<String, String> labels, boolean ready) {
    Pod pod = client.pods().inNamespace(namespace).resource(new PodBuilder().withNewMetadata().withName(name)
        .addToLabels(labels).endMetadata()
        .withNewSpec().addNewContainer().withName("controller").withImage("resource-sync-controller:0.1.0")
        .endContainer().endSpec().build()).serverSideApply();
    pod.setStatus(new PodBuilder().withNewStatus().withPhase("Running").addNewCondition().withType("Ready")
        .withStatus(ready ? "True" : "False").endCondition().endStatus().build().getStatus());
    client.pods().inNamespace(namespace).resource(pod).updateStatus();
  }

  public void createNamespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }
}
