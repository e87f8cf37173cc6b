package live.devopstoolkit.resourcesync.resourcesyncconfig;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.concurrent.TimeUnit;
import live.devopstoolkit.resourcesync.delivery.Pipeline;
import live.devopstoolkit.resourcesync.delivery.Pipelines;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import live.devopstoolkit.resourcesync.status.EventRecorder;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one pipeline per ResourceSyncConfig: three routes made from the templates in
 * {@code routes/sync-pipeline.yaml} when the object appears, rebuilt when a timing in its spec
 * changes, removed when it is deleted. Updates that leave the generation alone (status writes,
 * label edits) change nothing.
 */
public class ConfigReconciler {

  /** The route templates of one pipeline, in the order they are started. */
  static final List<String> TEMPLATES = List.of("sync-changes", "sync-delivery", "sync-resync");

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReconciler.class);

  private final CamelContext camel;
  private final KubernetesSerialization serialization;
  private final Pipelines pipelines;
  private final StatusWriter statusWriter;
  private final EventRecorder events;
  private final long deliveryPollMillis;

  public ConfigReconciler(CamelContext camel, KubernetesSerialization serialization, Pipelines pipelines,
      StatusWriter statusWriter, EventRecorder events, long deliveryPollMillis) {
    this.camel = camel;
    this.serialization = serialization;
    this.pipelines = pipelines;
    this.statusWriter = statusWriter;
    this.events = events;
    this.deliveryPollMillis = deliveryPollMillis;
  }

  public synchronized void reconcile(GenericKubernetesResource object) throws Exception {
    ResourceSyncConfig config = serialization.convertValue(object, ResourceSyncConfig.class);
    SyncTarget target = SyncTarget.of(config);
    Pipeline existing = pipelines.get(target.key()).orElse(null);
    if (existing == null) {
      statusWriter.seed(target.key(), config.getStatus());
      pipelines.open(target);
      addRoutes(target);
      LOG.info("event=sync-started config={} endpoint={} debounceWindowSeconds={} resyncIntervalMinutes={}",
          target, target.endpoint(), target.debounceWindowSeconds(), target.resyncIntervalMinutes());
      events.normal(target, "SyncStarted", "Syncing resource metadata to " + target.endpoint());
      return;
    }
    SyncTarget current = existing.target();
    if (current.generation() == target.generation() && current.uid().equals(target.uid())) {
      return;
    }
    existing.retarget(target);
    if (current.timingDiffers(target)) {
      removeRoutes(current);
      addRoutes(target);
    }
    LOG.info("event=sync-updated config={} generation={}", target, target.generation());
  }

  public synchronized void deleted(GenericKubernetesResource object) throws Exception {
    ResourceSyncConfig config = serialization.convertValue(object, ResourceSyncConfig.class);
    String key = config.getMetadata().getNamespace() + "/" + config.getMetadata().getName();
    Pipeline pipeline = pipelines.get(key).orElse(null);
    if (pipeline == null) {
      return;
    }
    removeRoutes(pipeline.target());
    pipelines.close(key);
    statusWriter.forget(key);
    LOG.info("event=sync-stopped config={}", pipeline.target());
    events.normal(pipeline.target(), "SyncStopped", "Stopped syncing; records already sent stay on the MCP server");
  }

  private void addRoutes(SyncTarget target) throws Exception {
    for (String template : TEMPLATES) {
      TemplatedRouteBuilder.builder(camel, template)
          .routeId(routeId(template, target))
          .prefixId(routeId(template, target) + "-")
          .parameter("config", target.key())
          .parameter("id", target.routeSuffix())
          .parameter("debounceMillis", target.debounceWindowSeconds() * 1000L)
          .parameter("resyncMillis", target.resyncIntervalMinutes() * 60_000L)
          .parameter("pollMillis", deliveryPollMillis)
          .add();
    }
  }

  private void removeRoutes(SyncTarget target) throws Exception {
    for (String template : TEMPLATES) {
      String routeId = routeId(template, target);
      if (camel.getRoute(routeId) != null) {
        camel.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
        camel.removeRoute(routeId);
      }
    }
  }

  static String routeId(String template, SyncTarget target) {
    return template + "-" + target.routeSuffix();
  }
}
