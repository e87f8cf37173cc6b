package live.devopstoolkit.resourcesync.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.Controller;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receivers that try to get more than the sync: one that echoes the request's Authorization header
 * in its error message, one that redirects to another server (through an endpoint whose query string
 * asks camel-http to follow redirects), and one that answers with megabytes. Each gets a clear
 * status, and the token appears nowhere: not in the status, not in Events, not in the logs, and not
 * at the server redirected to.
 */
class HostileReceiverIT {

  static final String NS = "hostile-it";
  static final String TOKEN = "hostile-token-5d2a9c";
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  static final List<String> capturedAuthorization = new CopyOnWriteArrayList<>();
  static final List<String> echoQueries = new CopyOnWriteArrayList<>();
  static final StringWriter logs = new StringWriter();
  static KubernetesClient client;
  static Controller controller;
  static HttpServer hostile;
  static HttpServer elsewhere;
  static WriterAppender appender;

  @BeforeAll
  static void start() throws Exception {
    ControlPlane cluster = ControlPlane.get();
    client = cluster.client();
    cluster.createNamespace(NS);
    captureLogs();
    elsewhere = server(exchange -> {
      capturedAuthorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      reply(exchange, 200, "{\"success\":true,\"data\":{\"upserted\":0,\"deleted\":0}}");
    });
    hostile = server(exchange -> {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith("/echo")) {
        echoQueries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
        reply(exchange, 401, "{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"rejected "
            + exchange.getRequestHeaders().getFirst("Authorization") + " \\u001b[2J\"}}");
      } else if (path.startsWith("/redirect")) {
        exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
            + "/api/v1/resources/sync");
        reply(exchange, 307, "");
      } else {
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = ("<p>" + exchange.getRequestHeaders().getFirst("Authorization") + "</p>".repeat(1000))
            .getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
          for (int written = 0; written < 64 << 20; written += chunk.length) {
            out.write(chunk);
          }
        } catch (IOException closedByTheController) {
          // the controller stops reading after the first 64 KiB, as it should
        }
      }
    });
    controller = Controller.start(cluster, Map.of());
    Configs.secret(client, NS, "mcp-credentials", TOKEN);
  }

  @AfterAll
  static void stop() throws Exception {
    client.resources(ResourceSyncConfig.class).inNamespace(NS).delete();
    controller.close();
    hostile.stop(0);
    elsewhere.stop(0);
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    context.getConfiguration().getRootLogger().removeAppender(appender.getName());
    appender.stop();
  }

  @Test
  void aReceiverEchoingTheAuthorizationHeaderNeverGetsTheTokenRepeated() {
    Configs.apply(client, NS, "echo", hostileUrl("/echo/api/v1/resources/sync?team=a&x=%2F"), "mcp-credentials", 1);
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(Configs.readyReason(client, NS, "echo")).isEqualTo("SyncFailing");
      assertThat(Configs.status(client, NS, "echo").getLastError())
          .startsWith("MCP endpoint answered HTTP 401 UNAUTHORIZED: rejected [redacted]");
      assertThat(events("echo")).isNotEmpty();
    });
    assertThat(echoQueries).as("the endpoint's query string reaches the receiver as data").contains("team=a&x=%2F");
    assertTokenAppearsNowhere("echo");
  }

  @Test
  void redirectsAreNotFollowedEvenWhenTheEndpointsQueryAsksForIt() {
    Configs.apply(client, NS, "redirect",
        hostileUrl("/redirect/api/v1/resources/sync?followRedirects=true&throwExceptionOnFailure=true"),
        "mcp-credentials", 1);
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(Configs.readyReason(client, NS, "redirect")).isEqualTo("SyncFailing");
      assertThat(Configs.status(client, NS, "redirect").getLastError())
          .isEqualTo("MCP endpoint answered HTTP 307 (a redirect, not followed: set mcpEndpoint to the final URL)");
      assertThat(Configs.status(client, NS, "redirect").getSyncErrors()).isGreaterThan(1);
    });
    assertThat(capturedAuthorization).as("requests that reached the server redirected to").isEmpty();
    assertTokenAppearsNowhere("redirect");
  }

  @Test
  void aReceiverAnsweringWithMegabytesIsAFailureAndTheControllerKeepsServing() {
    Configs.apply(client, NS, "huge", hostileUrl("/huge/api/v1/resources/sync"), "mcp-credentials", 1);
    await().atMost(TIMEOUT).untilAsserted(() -> {
      assertThat(Configs.readyReason(client, NS, "huge")).isEqualTo("SyncFailing");
      assertThat(Configs.status(client, NS, "huge").getLastError())
          .isEqualTo("MCP endpoint answered HTTP 200 with a body that is not the sync protocol's JSON");
      assertThat(Configs.status(client, NS, "huge").getSyncErrors()).isGreaterThan(1);
    });
    assertTokenAppearsNowhere("huge");
  }

  void assertTokenAppearsNowhere(String config) {
    assertThat(Configs.status(client, NS, config).toString()).doesNotContain(TOKEN);
    assertThat(events(config)).noneMatch(message -> message.contains(TOKEN));
    assertThat(logs.toString()).doesNotContain(TOKEN);
  }

  List<String> events(String config) {
    return client.v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> config.equals(e.getInvolvedObject().getName())).map(Event::getMessage).toList();
  }

  static String hostileUrl(String pathAndQuery) {
    return "http://127.0.0.1:" + hostile.getAddress().getPort() + pathAndQuery;
  }

  static HttpServer server(HttpHandler handler) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
    server.createContext("/", handler);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return server;
  }

  static void reply(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Every line any logger writes from now on, at every level the configuration lets through. */
  static void captureLogs() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    appender = WriterAppender.newBuilder().setName("hostile-it").setTarget(logs)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c %m%n").build()).build();
    appender.start();
    context.getConfiguration().getRootLogger().addAppender(appender, null, null);
    context.updateLoggers();
  }
}
