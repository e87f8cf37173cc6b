package live.devopstoolkit.resourcesync.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The bean behind the embedded receiver's routes ({@code routes/receiver.yaml}): the sync endpoint
 * with the protocol's semantics, and a read API over what it holds, for local runs without an MCP
 * server. Off unless {@code resource-sync.receiver.enabled=true}.
 */
public class EmbeddedReceiver {

  private final ReceiverStore store;
  private final ObjectMapper json;

  public EmbeddedReceiver(ReceiverStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  public void sync(Exchange exchange) throws JsonProcessingException {
    Message in = exchange.getMessage();
    ReceiverStore.Reply reply = store.sync(in.getHeader("Authorization", String.class), in.getBody(byte[].class));
    respond(exchange, reply.status(), reply.body());
  }

  /** {@code GET /api/v1/resources?kind=&namespace=&label=key[=value]} */
  public void list(Exchange exchange) throws JsonProcessingException {
    Message in = exchange.getMessage();
    respond(exchange, 200, store.list(in.getHeader("kind", String.class), in.getHeader("namespace", String.class),
        in.getHeader("label", String.class)));
  }

  /** {@code GET /api/v1/resources/search?q=which databases&limit=20} */
  public void search(Exchange exchange) throws JsonProcessingException {
    Message in = exchange.getMessage();
    String query = in.getHeader("q", "", String.class);
    respond(exchange, 200, store.search(query, in.getHeader("limit", 20, Integer.class)));
  }

  /** {@code GET /api/v1/resources/counts}: records per kind. */
  public void counts(Exchange exchange) throws JsonProcessingException {
    Map<String, Integer> counts = store.countsByKind();
    respond(exchange, 200, counts);
  }

  /** Request headers (the bearer token among them) must not be echoed back as response headers. */
  private void respond(Exchange exchange, int status, Object body) throws JsonProcessingException {
    Message out = exchange.getMessage();
    out.removeHeaders("*");
    out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    out.setHeader(Exchange.CONTENT_TYPE, "application/json");
    out.setBody(json.writeValueAsString(body));
  }
}
