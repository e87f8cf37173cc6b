package live.devopstoolkit.resourcesync.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * request (body, bearer token, camel-http URI). Runs at the start of every attempt, so a redelivery
 * reads the current objects and the current token.
 */
public class SyncRequests {

  /** Exchange property with the camel-http URI the request goes to. */
  public static final String URI = "syncUri";

  private final Pipelines pipelines;
  private final InformerRegistry registry;
  private final BearerTokens tokens;
  private final ObjectMapper mapper;
  private final String httpOptions;

  /**
   * @param httpOptions camel-http endpoint options added to every endpoint URI (timeouts); responses
   *     of any status come back to the route, which judges them
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
    message.setHeader("Authorization", "Bearer " + tokens.token(target));
    message.setHeader(Exchange.CONTENT_TYPE, "application/json");
    message.setHeader("Accept", "application/json");
    message.setHeader(Exchange.HTTP_METHOD, "POST");
    message.setBody(batch.isResync()
        ? new ResyncEntity(mapper, registry::snapshot, batch::rendering, batch::sent)
        : render(batch));
    exchange.setProperty(URI, endpointUri(target.endpoint()));
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

  String endpointUri(String endpoint) {
    return endpoint + (endpoint.contains("?") ? "&" : "?") + httpOptions;
  }
}
