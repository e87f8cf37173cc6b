package live.devopstoolkit.resourcesync.resourcesyncconfig;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * label edits) change nothing. A config the {@link ConfigPolicy} refuses gets no pipeline (a running
 * one is stopped) and a status that says why.
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
  private final ConfigPolicy policy;
  /** Configs refused by the policy, with the generation that was refused. */
  private final Map<String, Long> refused = new HashMap<>();

  public ConfigReconciler(CamelContext camel, KubernetesSerialization serialization, Pipelines pipelines,
      StatusWriter statusWriter, EventRecorder events, long deliveryPollMillis, ConfigPolicy policy) {
    this.camel = camel;
    this.policy = policy;
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
    Optional<ConfigPolicy.Refusal> refusal = policy.check(target);
    if (refusal.isPresent()) {
      refuse(target, refusal.get(), existing, config.getStatus());
      return;
    }
    refused.remove(target.key());
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

  private void refuse(SyncTarget target, ConfigPolicy.Refusal refusal, Pipeline existing,
      ResourceSyncConfigStatus current) throws Exception {
    if (existing != null) {
      stop(existing);
    }
    if (!Long.valueOf(target.generation()).equals(refused.put(target.key(), target.generation()))) {
      LOG.warn("event=sync-refused config={} reason={} message=\"{}\"", target, refusal.reason(), refusal.message());
      statusWriter.refused(target, refusal, current);
    }
  }

  public synchronized void deleted(GenericKubernetesResource object) throws Exception {
    ResourceSyncConfig config = serialization.convertValue(object, ResourceSyncConfig.class);
    String key = config.getMetadata().getNamespace() + "/" + config.getMetadata().getName();
    refused.remove(key);
    statusWriter.forget(key);
    Pipeline pipeline = pipelines.get(key).orElse(null);
    if (pipeline != null) {
      stop(pipeline);
    }
  }

  private void stop(Pipeline pipeline) throws Exception {
    removeRoutes(pipeline.target());
    pipelines.close(pipeline.target().key());
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
