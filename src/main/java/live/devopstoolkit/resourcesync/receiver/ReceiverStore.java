package live.devopstoolkit.resourcesync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The receiving side of the sync protocol ({@code docs/sync-protocol.md}), in memory: bearer auth,
 * upserts then deletes, the resync diff (including the existing receiver's no-op on an empty
 * resync), per-record failures and the error replies with their HTTP codes. The embedded receiver's
 * routes and the tests' receiver both answer with it, so both speak exactly the same protocol.
 */
public class ReceiverStore {

  /** An HTTP answer: status code and JSON body. */
  public record Reply(int status, JsonNode body) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> records = new TreeMap<>();
  private final ResourceSearch search;
  private volatile String token;
  private volatile Predicate<String> rejects = id -> false;

  public ReceiverStore(String token, ResourceSearch search) {
    this.token = token;
    this.search = search;
  }

  public void token(String value) {
    token = value;
  }

  /** Records whose id matches are answered as per-record failures, as a receiver's store might. */
  public void rejects(Predicate<String> value) {
    rejects = value;
  }

  public Reply sync(String authorization, byte[] body) {
    if (token == null || token.isEmpty() || !("Bearer " + token).equals(authorization)) {
      return error(401, "UNAUTHORIZED", "missing or wrong token", null);
    }
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return error(400, "INVALID_REQUEST", "body is not JSON", null);
    }
    if (request == null || !request.isObject()) {
      return error(400, "INVALID_REQUEST", "body is not a JSON object", null);
    }
    String invalid = validate(request);
    if (invalid != null) {
      return error(400, "VALIDATION_ERROR", invalid, null);
    }
    return apply(request);
  }

  private synchronized Reply apply(JsonNode request) {
    List<Map<String, String>> failures = new ArrayList<>();
    int upserted = 0;
    int deleted = 0;
    boolean resync = request.path("isResync").asBoolean(false);
    Set<String> listed = new HashSet<>();
    for (JsonNode record : request.path("upserts")) {
      String id = id(record);
      listed.add(id);
      if (rejects.test(id)) {
        failures.add(Map.of("id", id, "error", "rejected by the receiver's store"));
        continue;
      }
      records.put(id, record);
      upserted++;
    }
    if (resync && !request.path("upserts").isEmpty()) {
      for (String id : Set.copyOf(records.keySet())) {
        if (!listed.contains(id)) {
          records.remove(id);
          deleted++;
        }
      }
    } else if (!resync) {
      for (JsonNode identifier : request.path("deletes")) {
        if (records.remove(id(identifier)) != null) {
          deleted++;
        }
      }
    }
    if (!failures.isEmpty()) {
      return error(400, "SYNC_PARTIAL_FAILURE", failures.size() + " records failed",
          Map.of("upserted", upserted, "deleted", deleted, "failures", failures));
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("success", true);
    answer.putObject("data").put("upserted", upserted).put("deleted", deleted);
    answer.putObject("meta").put("timestamp", Instant.now().toString())
        .put("requestId", UUID.randomUUID().toString()).put("version", "v1");
    return new Reply(200, answer);
  }

  private static String validate(JsonNode request) {
    List<JsonNode> all = new ArrayList<>();
    request.path("upserts").forEach(all::add);
    request.path("deletes").forEach(all::add);
    for (JsonNode record : all) {
      for (String field : List.of("namespace", "name", "kind", "apiVersion")) {
        if (record.path(field).asText("").isEmpty()) {
          return "record without " + field + ": " + record;
        }
      }
    }
    return null;
  }

  /** Every record, by id. */
  public synchronized Map<String, JsonNode> records() {
    return new TreeMap<>(records);
  }

  /** Records of a kind, namespace and label ({@code key} or {@code key=value}); null means any. */
  public synchronized List<JsonNode> list(String kind, String namespace, String label) {
    return records.values().stream()
        .filter(r -> kind == null || kind.equalsIgnoreCase(r.path("kind").asText()))
        .filter(r -> namespace == null || namespace.equals(r.path("namespace").asText()))
        .filter(r -> label == null || hasLabel(r, label))
        .toList();
  }

  public synchronized List<JsonNode> search(String query, int limit) {
    return search.search(List.copyOf(records.values()), query, limit);
  }

  public synchronized Map<String, Integer> countsByKind() {
    Map<String, Integer> counts = new TreeMap<>();
    records.values().forEach(r -> counts.merge(r.path("kind").asText(), 1, Integer::sum));
    return counts;
  }

  private static boolean hasLabel(JsonNode record, String label) {
    int eq = label.indexOf('=');
    JsonNode labels = record.path("labels");
    return eq < 0 ? labels.has(label)
        : label.substring(eq + 1).equals(labels.path(label.substring(0, eq)).asText(null));
  }

  public static String id(JsonNode record) {
    return record.path("namespace").asText() + ":" + record.path("apiVersion").asText() + ":"
        + record.path("kind").asText() + ":" + record.path("name").asText();
  }

  public static Reply error(int status, String code, String message, Map<String, Object> details) {
    ObjectNode node = JSON.createObjectNode();
    node.put("success", false);
    ObjectNode error = node.putObject("error");
    error.put("code", code).put("message", message);
    if (details != null) {
      error.set("details", JSON.valueToTree(details));
    }
    return new Reply(status, node);
  }
}
