package live.devopstoolkit.resourcesync.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.ext.web.Route;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import live.devopstoolkit.resourcesync.testing.DeploymentEnvironment;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

/**
 * The controller as the Deployment runs it (shipped configuration, the Deployment's environment,
 * leading and syncing), attacked through every port it opened: every path its HTTP servers
 * registered, every developer console Camel ships (send and eval-language among them) with
 * arguments that would read Secrets with the controller's identity, by GET and POST. No answer may
 * contain a Secret's value, and no exchange may be sent on a request's behalf.
 */
class ManagementPortsIT {

  static final String NS = "dot-ai";
  static final String CANARY = "canary-value-7c1f0e2b";
  static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();

  final ControlPlane cluster = ControlPlane.get();
  final KubernetesClient client = cluster.client();

  @Test
  void nothingOnAnyPortActsOrRevealsSecrets() throws Exception {
    cluster.createNamespace(NS);
    client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("canary")
        .endMetadata().addToStringData("password", CANARY).build()).serverSideApply();
    cluster.replicaPod(NS, "security-it", Map.of("app.kubernetes.io/name", "dot-ai-controller"), true);
    Set<Integer> portsBefore = ListeningPorts.ofThisProcess();
    Map<String, String> settings = new HashMap<>(DeploymentEnvironment.overrides());
    assertThat(settings).containsEntry("resource-sync.leader-election.enabled", "true");
    settings.put("resource-sync.leader-election.pod-name", "security-it");
    settings.put("resource-sync.leader-election.namespace", NS);
    settings.put("resource-sync.allowed-namespaces", NS);
    try (ProtocolReceiver receiver = new ProtocolReceiver("security-token");
        Controller controller = Controller.start(cluster, settings)) {
      Configs.secret(client, NS, "mcp-credentials", "security-token");
      Configs.apply(client, NS, "security", receiver.endpoint(), "mcp-credentials", 1);
      await().atMost(Duration.ofSeconds(120))
          .until(() -> "Synced".equals(Configs.readyReason(client, NS, "security")));
      CamelContext camel = controller.camel();
      SentExchanges sent = new SentExchanges();
      camel.getManagementStrategy().addEventNotifier(sent);
      Set<String> endpointsBefore = endpointUris(camel);

      Set<Integer> ports = new TreeSet<>(ListeningPorts.ofThisProcess());
      ports.removeAll(portsBefore);
      ports.remove(receiver.port());
      assertThat(ports).as("ports the controller opened").contains(controller.managementPort());
      List<String> paths = registeredPaths(camel);
      assertThat(paths).as("paths the management server registered").contains("/observe/health");

      List<String> answers = new ArrayList<>();
      for (int port : ports) {
        for (String path : attackPaths(paths)) {
          for (String query : attackQueries()) {
            answers.add(request(port, path + query, false));
            answers.add(request(port, path + query, true));
          }
        }
      }
      assertThat(answers).isNotEmpty().noneMatch(answer -> answer.contains(CANARY));
      assertThat(answers).noneMatch(answer -> answer.contains("security-token"));
      assertThat(sent.targets).as("exchanges sent on a request's behalf").isEmpty();
      assertThat(endpointUris(camel)).as("endpoints created on a request's behalf").isEqualTo(endpointsBefore);
      assertThat(request(controller.managementPort(), "/q/dev/send", false)).startsWith("404");
    } finally {
      client.resources(ResourceSyncConfig.class).inNamespace(NS).withName("security").delete();
      client.pods().inNamespace(NS).withName("security-it").delete();
    }
  }

  /** Paths of every route the controller's HTTP servers registered, read from their routers. */
  static List<String> registeredPaths(CamelContext camel) {
    List<Route> routes = new ArrayList<>();
    ManagementHttpServer management = camel.hasService(ManagementHttpServer.class);
    if (management != null) {
      routes.addAll(management.getRouter().getRoutes());
    }
    MainHttpServer main = camel.hasService(MainHttpServer.class);
    if (main != null) {
      routes.addAll(main.getRouter().getRoutes());
    }
    return routes.stream().map(Route::getPath).filter(p -> p != null).distinct().toList();
  }

  /**
   * Every registered path, with path parameters filled in, and below each path that ends in a
   * wildcard or slash every developer console id Camel ships.
   */
  static Set<String> attackPaths(List<String> paths) throws IOException {
    Set<String> consoles = shippedConsoleIds();
    assertThat(consoles).contains("send", "eval-language");
    Set<String> attack = new TreeSet<>();
    for (String path : paths) {
      String filled = path.replaceAll(":[A-Za-z]+", "x").replace("*", "");
      attack.add(filled);
      String base = filled.endsWith("/") ? filled : filled + "/";
      consoles.forEach(id -> attack.add(base + id));
    }
    attack.add("/q/dev/send");
    return attack;
  }

  static List<String> attackQueries() {
    String secrets = "kubernetes-secrets:local?operation=listSecrets";
    return List.of("",
        "?endpoint=" + encode(secrets) + "&body=x&exchangePattern=InOut",
        "?endpoint=" + encode("log:attack") + "&body=x&poll=true",
        "?language=simple&template=" + encode("${bean:kubernetesClient.secrets.inAnyNamespace.list}")
            + "&expression=" + encode("${bean:kubernetesClient.secrets.inAnyNamespace.list}"),
        "?action=stop&filter=*");
  }

  /** The ids of every developer console on the classpath, from Camel's service descriptors. */
  static Set<String> shippedConsoleIds() throws IOException {
    Set<String> ids = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        try (JarFile jar = new JarFile(entry)) {
          jar.stream().map(e -> e.getName())
              .filter(n -> n.startsWith("META-INF/services/org/apache/camel/dev-console/"))
              .map(n -> n.substring(n.lastIndexOf('/') + 1)).filter(n -> !n.isEmpty()).forEach(ids::add);
        }
      }
    }
    return ids;
  }

  /** "status body" of one request; a connection the server refuses to serve counts as an empty answer. */
  static String request(int port, String pathAndQuery, boolean post) throws InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(30));
    if (post) {
      builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
          "{\"endpoint\":\"kubernetes-secrets:local?operation=listSecrets\",\"body\":\"x\"}"));
    }
    try {
      HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() + " " + response.body();
    } catch (IOException e) {
      return "no answer: " + e.getClass().getSimpleName();
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Set<String> endpointUris(CamelContext camel) {
    Set<String> uris = new HashSet<>();
    camel.getEndpoints().forEach(e -> uris.add(e.getEndpointUri()));
    return uris;
  }

  /**
   * Exchanges sent from outside any route: the controller's own traffic always starts at a route's
   * consumer, while a console or endpoint acting on a request's behalf sends through a producer.
   */
  static final class SentExchanges extends EventNotifierSupport {

    final List<String> targets = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void notify(CamelEvent event) {
      if (event instanceof CamelEvent.ExchangeSendingEvent sending && sending.getExchange().getFromRouteId() == null) {
        targets.add(sending.getEndpoint().getEndpointUri());
      }
    }
  }

  /** TCP ports this JVM listens on, from /proc: the sockets among its file descriptors in LISTEN state. */
  static final class ListeningPorts {

    static Set<Integer> ofThisProcess() throws IOException {
      Set<String> inodes = new HashSet<>();
      try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
        fds.forEach(fd -> {
          try {
            String link = Files.readSymbolicLink(fd).toString();
            if (link.startsWith("socket:[")) {
              inodes.add(link.substring(8, link.length() - 1));
            }
          } catch (IOException e) {
            // closed between listing and reading
          }
        });
      }
      Set<Integer> ports = new HashSet<>();
      for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
        List<String> lines = Files.readAllLines(Path.of(table));
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          if ("0A".equals(f[3]) && inodes.contains(f[9])) {
            ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
          }
        }
      }
      return ports;
    }
  }
}
