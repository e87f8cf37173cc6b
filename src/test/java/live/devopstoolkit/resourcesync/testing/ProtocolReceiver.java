package live.devopstoolkit.resourcesync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javax.net.ssl.SSLContext;
import live.devopstoolkit.resourcesync.receiver.KeywordSearch;
import live.devopstoolkit.resourcesync.receiver.ReceiverStore;

/**
 * A real HTTP receiver for tests: the protocol's semantics come from {@link ReceiverStore} (the
 * same as the embedded receiver's); this adds what tests need on top, a record of every request
 * and the ways real receivers fail.
 */
public final class ProtocolReceiver implements AutoCloseable {

  /** How the next requests are answered, instead of being applied. */
  public enum Fault { NONE, DOWN_503, ERROR_500, HTML_200, RETRY_AFTER_503, SLOW }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReceiverStore store;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private final Set<String> rejectIds = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
  /** Holds slow replies until the fault is cleared. */
  private volatile CountDownLatch slowReplies = new CountDownLatch(1);
  private final AtomicInteger unauthorized = new AtomicInteger();
  private final AtomicInteger resyncs = new AtomicInteger();
  private volatile BiConsumer<JsonNode, Long> requestListener = (request, millis) -> { };
  private volatile boolean keepRequests = true;
  private HttpServer server;
  private int port;

  private final SSLContext tls;

  public ProtocolReceiver(String token) throws IOException {
    this(token, null);
  }

  /** A receiver on https with the given server context, or on plain http when it is null. */
  public ProtocolReceiver(String token, SSLContext tls) throws IOException {
    this.tls = tls;
    store = new ReceiverStore(token, new KeywordSearch());
    store.rejects(rejectIds::contains);
    start(0);
  }

  private synchronized void start(int bindPort) throws IOException {
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", bindPort);
    if (tls == null) {
      server = HttpServer.create(address, 50);
    } else {
      HttpsServer https = HttpsServer.create(address, 50);
      https.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = https;
    }
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

  public int port() {
    return port;
  }

  public String endpoint() {
    return (tls == null ? "http" : "https") + "://127.0.0.1:" + port + "/api/v1/resources/sync";
  }

  public void token(String value) {
    store.token(value);
  }

  public void fault(Fault value) {
    if (value == Fault.SLOW) {
      slowReplies = new CountDownLatch(1);
    }
    fault.set(value);
    if (value != Fault.SLOW) {
      slowReplies.countDown();
    }
  }

  public void reject(String id) {
    rejectIds.add(id);
  }

  public void accept(String id) {
    rejectIds.remove(id);
  }

  /** Records by id, as the receiver holds them. */
  public Map<String, JsonNode> records() {
    return store.records();
  }

  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  public int unauthorized() {
    return unauthorized.get();
  }

  public int resyncs() {
    return resyncs.get();
  }

  /** Whether {@link #requests()} keeps every request; benchmarks turn it off to measure, not hoard. */
  public void keepRequests(boolean value) {
    keepRequests = value;
  }

  /** Called after each request is applied, with the request and how long it took to read and apply. */
  public void onRequest(BiConsumer<JsonNode, Long> listener) {
    requestListener = listener;
  }

  private void handle(HttpExchange http) throws IOException {
    try (http) {
      if (answeredWithFault(http)) {
        return;
      }
      long started = System.nanoTime();
      byte[] body = http.getRequestBody().readAllBytes();
      JsonNode request = parse(body);
      if (request != null) {
        if (keepRequests) {
          requests.add(request);
        }
        if (request.path("isResync").asBoolean(false)) {
          resyncs.incrementAndGet();
        }
      }
      ReceiverStore.Reply reply = "POST".equals(http.getRequestMethod())
          ? store.sync(http.getRequestHeaders().getFirst("Authorization"), body)
          : ReceiverStore.error(405, "METHOD_NOT_ALLOWED", "only POST", null);
      if (reply.status() == 401) {
        unauthorized.incrementAndGet();
      }
      if (request != null) {
        requestListener.accept(request, (System.nanoTime() - started) / 1_000_000);
      }
      reply(http, reply.status(), JSON.writeValueAsBytes(reply.body()), "application/json");
    }
  }

  private boolean answeredWithFault(HttpExchange http) throws IOException {
    switch (fault.get()) {
      case DOWN_503 -> reply(http, ReceiverStore.error(503, "VECTOR_DB_UNAVAILABLE", "vector DB is down", null));
      case RETRY_AFTER_503 -> {
        http.getResponseHeaders().add("Retry-After", "1");
        reply(http, ReceiverStore.error(503, "HEALTH_CHECK_FAILED", "unhealthy", null));
      }
      case ERROR_500 -> reply(http, ReceiverStore.error(500, "SYNC_ERROR", "internal error", null));
      case HTML_200 -> reply(http, 200, "<html><body>Welcome to the proxy</body></html>"
          .getBytes(StandardCharsets.UTF_8), "text/html");
      case SLOW -> {
        // Held past the controller's response timeout (3 s in tests), so the answer is never read.
        try {
          slowReplies.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        reply(http, ReceiverStore.error(503, "HEALTH_CHECK_FAILED", "too late", null));
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static void reply(HttpExchange http, ReceiverStore.Reply reply) throws IOException {
    reply(http, reply.status(), JSON.writeValueAsBytes(reply.body()), "application/json");
  }

  private static void reply(HttpExchange http, int status, byte[] body, String contentType) throws IOException {
    http.getResponseHeaders().add("Content-Type", contentType);
    http.sendResponseHeaders(status, body.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
