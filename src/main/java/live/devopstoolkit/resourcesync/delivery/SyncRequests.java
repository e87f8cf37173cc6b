package live.devopstoolkit.resourcesync.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;
import live.devopstoolkit.resourcesync.informer.InformerRegistry;
import live.devopstoolkit.resourcesync.informer.StoredResource;
import live.devopstoolkit.resourcesync.resync.ResyncEntity;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Step 5 of "How It Works", the request half: turns the batch on the exchange into the protocol's
 * request (body, bearer token, target URL). Runs at the start of every attempt, so a redelivery
 * reads the current objects and the current token.
 *
 * <p>The config's {@code mcpEndpoint} is written by whoever may create a ResourceSyncConfig, so it
 * travels as data in the {@code CamelHttpUri} and {@code CamelHttpQuery} headers and is never
 * spliced into an endpoint URI: its query string reaches the receiver and cannot set camel-http
 * options such as redirect handling or an SSL configuration.
 */
public class SyncRequests {

  /** Exchange property with the camel-http endpoint (one per scheme, fixed options) the request goes through. */
  public static final String HTTP_ENDPOINT = "syncUri";
  /** Exchange property with this attempt's token, so what is said of the answer can leave it out. */
  static final String TOKEN = "syncToken";

  private final Pipelines pipelines;
  private final InformerRegistry registry;
  private final BearerTokens tokens;
  private final ObjectMapper mapper;
  private final String httpOptions;

  /**
   * @param httpOptions camel-http endpoint options of the two fixed endpoints (timeouts, redirects off);
   *     responses of any status come back to the route, which judges them
   */
  public SyncRequests(Pipelines pipelines, InformerRegistry registry, BearerTokens tokens, ObjectMapper mapper,
      String httpOptions) {
    this.pipelines = pipelines;
    this.registry = registry;
    this.tokens = tokens;
    this.mapper = mapper;
    this.httpOptions = httpOptions;
  }

  public void prepare(Exchange exchange) throws DeliveryFailure, JsonProcessingException {
    Pipeline pipeline = pipelines.get(exchange.getProperty(Pipelines.PIPELINE, String.class)).orElseThrow();
    SyncBatch batch = exchange.getProperty(Pipelines.BATCH, SyncBatch.class);
    SyncTarget target = pipeline.target();
    Message message = exchange.getMessage();
    String token = tokens.token(target);
    exchange.setProperty(TOKEN, token);
    message.setHeader("Authorization", "Bearer " + token);
    message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    message.setHeader("Accept", "application/json");
    message.setHeader(Exchange.HTTP_METHOD, "POST");
    message.setBody(batch.isResync()
        ? new ResyncEntity(mapper, registry::snapshot, batch::rendering, batch::sent)
        : render(batch));
    setTarget(exchange, target.endpoint());
  }

  private void setTarget(Exchange exchange, String endpoint) {
    URI url = URI.create(endpoint);
    String withoutQuery = url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath();
    Message message = exchange.getMessage();
    message.setHeader(Exchange.HTTP_URI, withoutQuery);
    if (url.getRawQuery() == null) {
      message.removeHeader(Exchange.HTTP_QUERY);
    } else {
      message.setHeader(Exchange.HTTP_QUERY, url.getRawQuery());
    }
    exchange.setProperty(HTTP_ENDPOINT, url.getScheme().toLowerCase() + "://mcp-endpoint?" + httpOptions);
  }

  byte[] render(SyncBatch batch) throws JsonProcessingException {
    batch.rendering();
    List<SyncRecord> upserts = new ArrayList<>();
    List<DeleteRecord> deletes = new ArrayList<>();
    for (ResourceRef ref : batch.refs()) {
      SyncRecord record = registry.get(ref).map(StoredResource::record).orElse(null);
      batch.sent(ref, record);
      if (record == null) {
        deletes.add(DeleteRecord.of(ref));
      } else {
        upserts.add(record);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    if (!upserts.isEmpty()) {
      body.put("upserts", upserts);
    }
    if (!deletes.isEmpty()) {
      body.put("deletes", deletes);
    }
    body.put("isResync", false);
    return mapper.writeValueAsBytes(body);
  }
}
