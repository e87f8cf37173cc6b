package live.devopstoolkit.resourcesync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A receiver with the semantics of the sync protocol (docs/sync-protocol.md): bearer auth, upserts
 * then deletes, the resync diff (including the known receiver's no-op on an empty resync), per-item
 * failures and error replies. It records everything, so tests compare its records with the
 * cluster's objects, and it can be told to fail in the ways receivers fail.
 */
public final class ProtocolReceiver implements AutoCloseable {

  /** How the next requests are answered, instead of being applied. */
  public enum Fault { NONE, DOWN_503, ERROR_500, HTML_200, RETRY_AFTER_503, SLOW }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> records = new ConcurrentHashMap<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final Set<String> rejectIds = ConcurrentHashMap.newKeySet();
  private final AtomicReference<String> token;
  private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
  private volatile int unauthorized;
  private volatile int resyncs;
  private HttpServer server;
  private int port;

  public ProtocolReceiver(String token) throws IOException {
    this.token = new AtomicReference<>(token);
    start(0);
  }

  private synchronized void start(int bindPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", bindPort), 50);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    port = server.getAddress().getPort();
  }

  /** Stops accepting connections, as a crashed receiver would. */
  public synchronized void stop() {
    server.stop(0);
  }

  /** Starts again on the same port, keeping its records. */
  public synchronized void restart() throws IOException {
    start(port);
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port + "/api/v1/resources/sync";
  }

  public void token(String value) {
    token.set(value);
  }

  public void fault(Fault value) {
    fault.set(value);
  }

  public void reject(String id) {
    rejectIds.add(id);
  }

  public void accept(String id) {
    rejectIds.remove(id);
  }

  /** Records by id, as the receiver holds them. */
  public Map<String, JsonNode> records() {
    return new TreeMap<>(records);
  }

  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public int unauthorized() {
    return unauthorized;
  }

  public int resyncs() {
    return resyncs;
  }

  private void handle(HttpExchange http) throws IOException {
    try (http) {
      if (!"POST".equals(http.getRequestMethod())) {
        reply(http, 405, error("METHOD_NOT_ALLOWED", "only POST", null));
        return;
      }
      if (!("Bearer " + token.get()).equals(http.getRequestHeaders().getFirst("Authorization"))) {
        unauthorized++;
        reply(http, 401, error("UNAUTHORIZED", "missing or wrong token", null));
        return;
      }
      switch (fault.get()) {
        case DOWN_503 -> {
          reply(http, 503, error("VECTOR_DB_UNAVAILABLE", "vector DB is down", null));
          return;
        }
        case RETRY_AFTER_503 -> {
          http.getResponseHeaders().add("Retry-After", "1");
          reply(http, 503, error("HEALTH_CHECK_FAILED", "unhealthy", null));
          return;
        }
        case ERROR_500 -> {
          reply(http, 500, error("SYNC_ERROR", "internal error", null));
          return;
        }
        case SLOW -> {
          // Past the controller's response timeout (3 s in tests); the late answer is never read.
          try {
            Thread.sleep(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          reply(http, 503, error("HEALTH_CHECK_FAILED", "too late", null));
          return;
        }
        case HTML_200 -> {
          byte[] html = "<html><body>Welcome to the proxy</body></html>".getBytes(StandardCharsets.UTF_8);
          http.getResponseHeaders().add("Content-Type", "text/html");
          http.sendResponseHeaders(200, html.length);
          http.getResponseBody().write(html);
          return;
        }
        default -> {
        }
      }
      JsonNode body;
      try {
        body = JSON.readTree(http.getRequestBody());
      } catch (IOException e) {
        reply(http, 400, error("INVALID_REQUEST", "body is not JSON", null));
        return;
      }
      requests.add(body);
      String invalid = validate(body);
      if (invalid != null) {
        reply(http, 400, error("VALIDATION_ERROR", invalid, null));
        return;
      }
      apply(http, body);
    }
  }

  private synchronized void apply(HttpExchange http, JsonNode body) throws IOException {
    List<Map<String, String>> failures = new ArrayList<>();
    int upserted = 0;
    int deleted = 0;
    boolean resync = body.path("isResync").asBoolean(false);
    Set<String> listed = new HashSet<>();
    for (JsonNode record : body.path("upserts")) {
      String id = id(record);
      listed.add(id);
      if (rejectIds.contains(id)) {
        failures.add(Map.of("id", id, "error", "rejected by test"));
        continue;
      }
      records.put(id, record);
      upserted++;
    }
    if (resync) {
      resyncs++;
      if (!body.path("upserts").isEmpty()) {
        for (String id : Set.copyOf(records.keySet())) {
          if (!listed.contains(id)) {
            records.remove(id);
            deleted++;
          }
        }
      }
    } else {
      for (JsonNode identifier : body.path("deletes")) {
        if (records.remove(id(identifier)) != null) {
          deleted++;
        }
      }
    }
    if (!failures.isEmpty()) {
      Map<String, Object> details = Map.of("upserted", upserted, "deleted", deleted, "failures", failures);
      reply(http, 400, error("SYNC_PARTIAL_FAILURE", failures.size() + " records failed", details));
      return;
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("success", true);
    answer.putObject("data").put("upserted", upserted).put("deleted", deleted);
    answer.putObject("meta").put("version", "v1");
    reply(http, 200, answer);
  }

  private static String validate(JsonNode body) {
    List<JsonNode> all = new ArrayList<>();
    body.path("upserts").forEach(all::add);
    body.path("deletes").forEach(all::add);
    for (JsonNode record : all) {
      for (String field : List.of("namespace", "name", "kind", "apiVersion")) {
        if (record.path(field).asText("").isEmpty()) {
          return "record without " + field + ": " + record;
        }
      }
    }
    return null;
  }

  public static String id(JsonNode record) {
    return record.path("namespace").asText() + ":" + record.path("apiVersion").asText() + ":"
        + record.path("kind").asText() + ":" + record.path("name").asText();
  }

  private static ObjectNode error(String code, String message, Map<String, Object> details) {
    ObjectNode node = JSON.createObjectNode();
    node.put("success", false);
    ObjectNode error = node.putObject("error");
    error.put("code", code).put("message", message);
    if (details != null) {
      error.set("details", JSON.valueToTree(details));
    }
    return node;
  }

  private static void reply(HttpExchange http, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    http.getResponseHeaders().add("Content-Type", "application/json");
    http.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
