package live.devopstoolkit.resourcesync.search.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import live.devopstoolkit.resourcesync.search.SearchServer;
import live.devopstoolkit.resourcesync.search.SearchSettings;
import live.devopstoolkit.resourcesync.search.inventory.Resource;

/** A real search server on a free port, and a plain HTTP client that speaks its REST and sync API. */
public final class RunningServer implements AutoCloseable {

  public static final String TOKEN = "test-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Answer(int status, JsonNode body) {
  }

  private final SearchServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  public RunningServer(Path indexDir, KubernetesClient kubernetes) {
    this(indexDir, kubernetes, SearchSettings.EMBED_BEHIND_ABOVE);
  }

  /** {@code embedBehindAbove}: more new texts than this in one request are embedded after the answer. */
  public RunningServer(Path indexDir, KubernetesClient kubernetes, int embedBehindAbove) {
    try {
      server = new SearchServer(new SearchSettings("127.0.0.1", 0, TOKEN, indexDir, indexDir.resolveSibling("native"),
          kubernetes != null, embedBehindAbove), kubernetes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public SearchServer server() {
    return server;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  public Answer sync(List<Resource> upserts, List<Resource> deletes, boolean resync) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode u = body.putArray("upserts");
    upserts.forEach(r -> u.add(r.toJson()));
    ArrayNode d = body.putArray("deletes");
    deletes.forEach(r -> d.add(JSON.createObjectNode().put("namespace", r.namespace()).put("name", r.name())
        .put("kind", r.kind()).put("apiVersion", r.apiVersion())));
    body.put("isResync", resync);
    return post("/api/v1/resources/sync", body.toString(), TOKEN);
  }

  public Answer post(String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(120))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  public Answer search(String question, String extraQuery) {
    return get("/api/v1/resources/search?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8)
        + (extraQuery == null ? "" : "&" + extraQuery), TOKEN);
  }

  public Answer get(String pathAndQuery, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(60));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
