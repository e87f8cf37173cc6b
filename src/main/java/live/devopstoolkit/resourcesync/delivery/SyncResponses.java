package live.devopstoolkit.resourcesync.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import live.devopstoolkit.resourcesync.status.ReadyReason;
import org.apache.camel.Exchange;

/**
 * Step 5 of "How It Works", the answer half: decides whether the receiver took the batch. Only the
 * protocol's JSON with {@code success: true} is a success; a 2xx HTML page from a proxy is not, and
 * neither is a redirect, which is never followed so the bearer token never reaches another URL.
 * Every failed request is counted in syncErrors here, before the error handler decides to retry.
 * What is said about a failure is built by {@link ReceiverReply}, never copied from the reply.
 */
public class SyncResponses {

  private final Pipelines pipelines;
  private final ObjectMapper mapper;

  public SyncResponses(Pipelines pipelines, ObjectMapper mapper) {
    this.pipelines = pipelines;
    this.mapper = mapper;
  }

  public void check(Exchange exchange) throws DeliveryFailure, IOException {
    try {
      judge(exchange);
    } finally {
      exchange.removeProperty(SyncRequests.TOKEN);
    }
  }

  private void judge(Exchange exchange) throws DeliveryFailure, IOException {
    int code = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    String body = ReceiverReply.readCapped(exchange.getMessage().getBody(InputStream.class));
    exchange.getMessage().setBody(null);
    JsonNode json = parse(body);
    if (code / 100 == 2 && json != null && json.path("success").asBoolean(false)) {
      exchange.setProperty(Pipelines.FAILED_IDS, Set.of());
      return;
    }
    String failure = describe(code, json, body, token(exchange));
    countFailure(exchange, failure);
    if (code == 400 && json != null && "SYNC_PARTIAL_FAILURE".equals(json.path("error").path("code").asText())) {
      Set<String> failedIds = new HashSet<>();
      json.path("error").path("details").path("failures").forEach(f -> failedIds.add(f.path("id").asText()));
      exchange.setProperty(Pipelines.FAILED_IDS, failedIds);
      return;
    }
    if (code == 400) {
      throw new DeliveryFailure.BatchRejected(failure);
    }
    throw new DeliveryFailure.ReceiverUnavailable(ReadyReason.SyncFailing, failure,
        retryAfterMillis(exchange.getMessage().getHeader("Retry-After", String.class)));
  }

  /** Called when the request could not be sent or answered at all (refused, reset, timed out). */
  public void unreachable(Exchange exchange) throws DeliveryFailure {
    Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    String endpoint = pipelines.get(exchange.getProperty(Pipelines.PIPELINE, String.class))
        .map(p -> ReceiverReply.endpoint(p.target().endpoint())).orElse("the MCP endpoint");
    String failure = "cannot reach " + endpoint + ": " + (cause == null ? "no answer"
        : cause.getClass().getSimpleName() + ": " + ReceiverReply.message(cause.getMessage(), token(exchange)));
    exchange.removeProperty(SyncRequests.TOKEN);
    countFailure(exchange, failure);
    throw new DeliveryFailure.ReceiverUnavailable(ReadyReason.EndpointUnreachable, failure, 0);
  }

  private void countFailure(Exchange exchange, String failure) {
    pipelines.requestFailed(exchange.getProperty(Pipelines.PIPELINE, String.class), failure);
  }

  private static String token(Exchange exchange) {
    return exchange.getProperty(SyncRequests.TOKEN, String.class);
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  static String describe(int code, JsonNode json, String body, String token) {
    if (code / 100 == 3) {
      return "MCP endpoint answered HTTP " + code + " (a redirect, not followed: set mcpEndpoint to the final URL)";
    }
    if (json != null && json.has("error")) {
      JsonNode error = json.path("error");
      String errorCode = ReceiverReply.errorCode(error.path("code").asText(""));
      return "MCP endpoint answered HTTP " + code + (errorCode.isEmpty() ? "" : " " + errorCode) + ": "
          + ReceiverReply.message(error.path("message").asText(""), token);
    }
    if (json != null) {
      return "MCP endpoint answered HTTP " + code + " without success: true";
    }
    return "MCP endpoint answered HTTP " + code + (body == null || body.isBlank() ? " with an empty body"
        : " with a body that is not the sync protocol's JSON");
  }

  static long retryAfterMillis(String retryAfter) {
    if (retryAfter == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(retryAfter.trim())) * 1000;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
