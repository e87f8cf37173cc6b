package live.devopstoolkit.resourcesync.informer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.DefaultKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Makes the informers' lists and watches ask the API server for metadata only (the
 * {@code PartialObjectMetadata} form of content negotiation), so Secret and ConfigMap data, specs and
 * statuses never reach the controller, and it parses a fraction of the bytes. Everything that is
 * synced is metadata. A server that does not offer the form answers with whole objects under the
 * plain {@code application/json} fallback; {@link MetadataStore} reports that.
 *
 * <p>Watches go over HTTP, not WebSocket, so the same header and interceptors apply to them. This
 * client is used for nothing else: the token Secret, ResourceSyncConfigs and status writes go
 * through the ordinary client.
 *
 * <p>The informers' event handlers run on the thread that read the event, not on a pool: under a
 * steady trickle of changes each hand-off woke a parked pool thread (bench/RESULTS.md). What a
 * handler runs (the sync-changes route up to the debounce window) takes short locks only and never
 * waits for I/O, so the HTTP client's event loops are not held up; fabric8 still runs one
 * informer's events one at a time, in order.
 */
public final class MetadataOnly implements Interceptor {

  /** The kind of every object the API server sends in this form. */
  static final String KIND = "PartialObjectMetadata";
  static final String LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
  static final String WATCH = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json";

  /**
   * Runs an informer's event handler on the calling thread, an event loop of the HTTP client, and
   * clears the interrupt that stopping an informer sends the thread running one of its handlers
   * (fabric8's {@code SerialExecutor.shutdownNow}). It is meant for that handler; left set on an
   * event loop, it would cut short the next interruptible wait of whatever runs there next, another
   * informer's handler or a request of the ordinary client.
   */
  static final Executor HANDLERS = task -> {
    try {
      task.run();
    } finally {
      Thread.interrupted();
    }
  };

  /**
   * A client for the informers over the same cluster and credentials, its HTTP clients made by
   * {@code httpClients}, plus interceptors to add.
   */
  public static KubernetesClient client(Config config, HttpClient.Factory httpClients, Interceptor... extra) {
    ObjectMapper mapper = new ObjectMapper();
    // An empty PartialObjectMetadataList says "items": null, which fabric8's lister cannot iterate.
    mapper.addMixIn(DefaultKubernetesResourceList.class, EmptyItemsWhenNull.class);
    mapper.addMixIn(ManagedFieldsEntry.class, WithoutFieldsV1.class);
    return new KubernetesClientBuilder()
        .withHttpClientFactory(httpClients)
        .withConfig(new ConfigBuilder(config).withOnlyHttpWatches(true).build())
        .withKubernetesSerialization(new KubernetesSerialization(mapper, true))
        .withTaskExecutor(HANDLERS)
        .withHttpClientBuilderConsumer(builder -> {
          builder.addOrReplaceInterceptor("metadata-only", new MetadataOnly());
          for (int i = 0; i < extra.length; i++) {
            builder.addOrReplaceInterceptor("extra-" + i, extra[i]);
          }
        }).build();
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if ("GET".equals(request.method())) {
      String query = request.uri().getRawQuery();
      builder.setHeader("Accept", query != null && query.contains("watch=true") ? WATCH : LIST);
    }
  }

  /**
   * A managedFields entry's {@code fieldsV1}, the tree of every field its manager owns, is most of
   * the metadata's JSON and nothing reads it: only the entry's time and subresource make a record's
   * updatedAt. Skipped while parsing, it is never built as nested maps, once per list item and twice
   * per watch event (fabric8 parses a watched object into a JSON tree, then the tree into the
   * object): about a quarter of each watch event's parsing (bench/RESULTS.md).
   */
  @JsonIgnoreProperties("fieldsV1")
  private abstract static class WithoutFieldsV1 {
  }

  private abstract static class EmptyItemsWhenNull {

    @JsonSetter(nulls = Nulls.AS_EMPTY)
    abstract void setItems(List<GenericKubernetesResource> items);
  }
}
