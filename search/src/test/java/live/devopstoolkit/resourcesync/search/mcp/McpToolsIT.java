package live.devopstoolkit.resourcesync.search.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.testing.EvalSet;
import live.devopstoolkit.resourcesync.search.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MCP endpoint driven by the SDK's own client over streamable HTTP, with get_resource reading a
 * real kube-apiserver (kube-api-test, offline binaries from hack/kube-binaries.sh).
 */
class McpToolsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static KubeAPIServer apiServer;
  static KubernetesClient admin;
  static RunningServer server;

  @BeforeAll
  static void start() {
    apiServer = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
        .withApiServerVersion(System.getProperty("kube.version", "1.34.4")).withOfflineMode(true)
        .withStartupTimeout(120_000).build());
    apiServer.start();
    admin = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(apiServer.getKubeConfigYaml())).build();
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .serverSideApply();
    admin.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder().withNewMetadata()
        .withName("storefront").addToLabels("app", "storefront")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{\"password\":\"hunter2\"}")
        .endMetadata().withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "storefront")
        .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", "storefront").endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27")
        .addNewEnv().withName("DB_PASSWORD").withValue("hunter2").endEnv().endContainer().endSpec().endTemplate()
        .endSpec().build()).serverSideApply();
    admin.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName("catalog-mysql")
        .endMetadata().addToStringData("mysql-root-password", "hunter2").build()).serverSideApply();

    // get_resource reads with the search server's own identity: here one that may read Deployments only.
    admin.serviceAccounts().inNamespace("shop").resource(new ServiceAccountBuilder().withNewMetadata()
        .withName("search").endMetadata().build()).serverSideApply();
    admin.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("search-reader")
        .endMetadata().addNewRule().withApiGroups("apps").withResources("deployments").withVerbs("get").endRule()
        .build()).serverSideApply();
    admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
        .withName("search-reader").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
        .withKind("ClusterRole").withName("search-reader").endRoleRef().addNewSubject().withKind("ServiceAccount")
        .withName("search").withNamespace("shop").endSubject().build()).serverSideApply();
    String token = admin.serviceAccounts().inNamespace("shop").withName("search").tokenRequest(
        new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build()).getStatus().getToken();
    Config adminConfig = admin.getConfiguration();
    KubernetesClient reader = new KubernetesClientBuilder().withConfig(new ConfigBuilder(adminConfig)
        .withClientCertData(null).withClientKeyData(null).withClientCertFile(null).withClientKeyFile(null)
        .withOauthToken(token).build()).build();

    server = new RunningServer(dir.resolve("index"), reader);
    server.sync(EvalSet.inventory(), List.of(), true);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (apiServer != null) {
      apiServer.stop();
    }
  }

  private static McpSyncClient client() {
    McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.url(""))
        .endpoint("/mcp").jsonMapper(new JacksonMcpJsonMapper(JSON))
        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + RunningServer.TOKEN)).build())
        .requestTimeout(Duration.ofSeconds(60)).build();
    client.initialize();
    return client;
  }

  private static JsonNode json(CallToolResult result) throws Exception {
    assertThat(result.isError()).as(text(result)).isFalse();
    return JSON.readTree(text(result));
  }

  private static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  @Test
  void theSearchManifestsAreAcceptedByTheApiServerAndMatchTheGuidesEndpoint() throws Exception {
    List<HasMetadata> objects = new ArrayList<>();
    for (String file : List.of("namespace.yaml", "rbac.yaml", "deployment.yaml", "networkpolicy.yaml")) {
      try (InputStream in = Files.newInputStream(Path.of("../config/search", file))) {
        objects.addAll(admin.load(in).items());
      }
    }
    for (HasMetadata object : objects) {
      if (object instanceof Namespace) {
        admin.resource(object).serverSideApply();
      } else {
        admin.resource(object).dryRun().serverSideApply();
      }
    }
    Service service = (Service) objects.stream().filter(o -> o instanceof Service).findFirst().orElseThrow();
    assertThat(service.getMetadata().getName()).isEqualTo("dot-ai");
    assertThat(service.getMetadata().getNamespace()).isEqualTo("dot-ai");
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(3456);
    Deployment deployment = (Deployment) objects.stream().filter(o -> o instanceof Deployment).findFirst()
        .orElseThrow();
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getVolumeMounts()).extracting(m -> m.getMountPath())
        .contains("/tmp", "/var/lib/search");
    NetworkPolicy policy = (NetworkPolicy) objects.stream().filter(o -> o instanceof NetworkPolicy).findFirst()
        .orElseThrow();
    assertThat(policy.getMetadata().getNamespace()).isEqualTo("dot-ai");
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
      assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(3456);
      assertThat(rule.getFrom()).allSatisfy(peer -> assertThat(peer.getNamespaceSelector()).as("in-namespace only")
          .isNull());
      assertThat(rule.getFrom()).extracting(peer -> peer.getPodSelector().getMatchLabels()).containsExactlyInAnyOrder(
          Map.of("app.kubernetes.io/name", "dot-ai-controller"), Map.of("dot-ai.devopstoolkit.live/mcp-client", "true"));
    });
  }

  @Test
  void listsFourToolsThatSayWhenToUseThem() {
    try (McpSyncClient client = client()) {
      List<Tool> tools = client.listTools().tools();
      assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("search_resources", "query_resources",
          "get_resource", "list_resource_kinds");
      assertThat(tools).filteredOn(t -> t.name().equals("search_resources")).singleElement()
          .satisfies(t -> assertThat(t.description()).contains("plain words", "get_resource"));
    }
  }

  @Test
  void searchesQueriesAndCountsTheInventory() throws Exception {
    try (McpSyncClient client = client()) {
      JsonNode hits = json(client.callTool(new CallToolRequest("search_resources",
          Map.of("question", "what caches do we have", "limit", 3))));
      assertThat(hits).hasSize(3);
      assertThat(hits.get(0).path("name").asText()).isIn("cart-redis-master", "session-memcached", "sessions-valkey");
      assertThat(hits.get(0).has("score")).isTrue();

      JsonNode rest = server.search("what caches do we have", "limit=3").body();
      assertThat(hits.get(0).path("id")).as("REST and MCP rank alike").isEqualTo(rest.get(0).path("id"));

      JsonNode deployments = json(client.callTool(new CallToolRequest("query_resources",
          Map.of("kind", "deployments", "namespace", "production"))));
      assertThat(deployments).extracting(n -> n.path("name").asText())
          .containsExactlyInAnyOrder("checkout", "orders", "notifications", "session-memcached");
      JsonNode labelled = json(client.callTool(new CallToolRequest("query_resources",
          Map.of("labels", Map.of("app.kubernetes.io/name", "mysql")))));
      assertThat(labelled).extracting(n -> n.path("name").asText()).contains("catalog-mysql", "data-catalog-mysql-0");

      JsonNode kinds = json(client.callTool(new CallToolRequest("list_resource_kinds", Map.of())));
      assertThat(kinds.path("Deployment").asInt()).isEqualTo(EvalSet.inventory().stream()
          .filter(r -> r.kind().equals("Deployment")).count());

      CallToolResult unknownKind = client.callTool(new CallToolRequest("query_resources", Map.of("kind", "Databse")));
      assertThat(unknownKind.isError()).isTrue();
      assertThat(text(unknownKind)).contains("unknown kind");
      CallToolResult empty = client.callTool(new CallToolRequest("search_resources", Map.of("question", "")));
      assertThat(empty.isError()).isTrue();
      assertThat(text(empty)).contains("empty");
    }
  }

  @Test
  void readsLiveStateWithoutSecretsAndReportsWhatItCannotRead() throws Exception {
    Resource storefront = new Resource("shop", "storefront", "Deployment", "apps/v1", Map.of("app", "storefront"),
        null, null, null);
    try (McpSyncClient client = client()) {
      JsonNode live = json(client.callTool(new CallToolRequest("get_resource", Map.of("ids", List.of(storefront.id())))));
      JsonNode deployment = live.get(0);
      assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
      assertThat(deployment.has("status")).isTrue();
      assertThat(deployment.path("metadata").has("managedFields")).isFalse();
      assertThat(deployment.toString()).doesNotContain("hunter2");
      assertThat(deployment.path("spec").path("template").path("spec").path("containers").get(0).path("image")
          .asText()).isEqualTo("nginx:1.27");

      CallToolResult secret = client.callTool(new CallToolRequest("get_resource",
          Map.of("ids", List.of("shop:v1:Secret:catalog-mysql"))));
      assertThat(secret.isError()).isTrue();
      assertThat(text(secret)).contains("not allowed to read Secret catalog-mysql").doesNotContain("hunter2");

      CallToolResult missing = client.callTool(new CallToolRequest("get_resource",
          Map.of("ids", List.of("shop:apps/v1:Deployment:nowhere"))));
      assertThat(missing.isError()).isTrue();
      assertThat(text(missing)).contains("not found");

      CallToolResult malformed = client.callTool(new CallToolRequest("get_resource", Map.of("ids", List.of("x"))));
      assertThat(malformed.isError()).isTrue();

      JsonNode mixed = json(client.callTool(new CallToolRequest("get_resource",
          Map.of("ids", List.of(storefront.id(), "shop:v1:Secret:catalog-mysql")))));
      assertThat(mixed.get(0).path("kind").asText()).isEqualTo("Deployment");
      assertThat(mixed.get(1).path("error").asText()).contains("not allowed");

      // The server keeps answering after tool errors.
      assertThat(json(client.callTool(new CallToolRequest("list_resource_kinds", Map.of()))).size()).isPositive();
    }
  }
}
