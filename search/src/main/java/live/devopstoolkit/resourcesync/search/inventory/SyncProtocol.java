package live.devopstoolkit.resourcesync.search.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The receiving side of {@code docs/sync-protocol.md}: parses and validates a request body, hands
 * the batch to the index and answers with the protocol's JSON and HTTP status. Semantics match the
 * controller's embedded receiver: a malformed record rejects the whole request (400
 * VALIDATION_ERROR), and a resync with no upserts changes nothing.
 */
public final class SyncProtocol {

  /** An HTTP answer: status code and JSON body. */
  public record Reply(int status, JsonNode body) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> REQUIRED = List.of("namespace", "name", "kind", "apiVersion");

  private SyncProtocol() {
  }

  /** Parses, validates and applies one request; {@code apply} is only called for a valid batch. */
  public static Reply handle(InputStream body, Function<SyncBatch, SyncOutcome> apply) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return error(400, "INVALID_REQUEST", "body is not JSON", null);
    }
    if (request == null || !request.isObject()) {
      return error(400, "INVALID_REQUEST", "body is not a JSON object", null);
    }
    List<Resource> upserts = new ArrayList<>();
    List<String> deletes = new ArrayList<>();
    for (JsonNode record : request.path("upserts")) {
      String invalid = invalid(record);
      if (invalid != null) {
        return error(400, "VALIDATION_ERROR", invalid, null);
      }
      upserts.add(Resource.fromJson(record));
    }
    for (JsonNode record : request.path("deletes")) {
      String invalid = invalid(record);
      if (invalid != null) {
        return error(400, "VALIDATION_ERROR", invalid, null);
      }
      deletes.add(Resource.id(record.path("namespace").asText(), record.path("apiVersion").asText(),
          record.path("kind").asText(), record.path("name").asText()));
    }
    SyncOutcome outcome;
    try {
      outcome = apply.apply(new SyncBatch(upserts, deletes, request.path("isResync").asBoolean(false)));
    } catch (RuntimeException e) {
      return error(503, "VECTOR_DB_UNAVAILABLE", "the index could not apply the batch: " + e.getMessage(), null);
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("success", true);
    answer.putObject("data").put("upserted", outcome.upserted()).put("deleted", outcome.deleted());
    answer.putObject("meta").put("timestamp", Instant.now().toString())
        .put("requestId", UUID.randomUUID().toString()).put("version", "v1");
    return new Reply(200, answer);
  }

  private static String invalid(JsonNode record) {
    if (!record.isObject()) {
      return "record is not an object: " + abbreviate(record.toString());
    }
    for (String field : REQUIRED) {
      if (!record.path(field).isTextual() || record.path(field).asText().isEmpty()) {
        return "record without " + field + ": " + abbreviate(record.toString());
      }
    }
    return null;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
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
