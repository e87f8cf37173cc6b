package live.devopstoolkit.resourcesync.resourcesyncconfig;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import live.devopstoolkit.resourcesync.delivery.Pipeline;
import live.devopstoolkit.resourcesync.delivery.Pipelines;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import java.time.Clock;
import live.devopstoolkit.resourcesync.status.ReadyReason;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one pipeline per ResourceSyncConfig: three routes made from the templates in
 * {@code routes/sync-pipeline.yaml} when the object appears, removed when it is deleted. A spec edit never
 * rebuilds them: the routes read the debounce window and resync interval from the pipeline's current
 * target, so an open debounce window and the informers survive the edit. Updates that leave the
 * generation alone (status writes, label edits) change nothing. A config the {@link ConfigPolicy}
 * refuses gets no pipeline (a running one is stopped) and a status that says why.
 *
 * <p>A reconcile that throws (routes that cannot be built, say) leaves no half-built pipeline behind:
 * the config gets Ready=False with reason ReconcileFailed, and is reconciled again from its latest
 * state with a doubling delay, as controller-runtime requeues, until it succeeds, changes or is
 * deleted.
 */
public class ConfigReconciler {

  /** The template whose routes every informer event runs through, once per pipeline. */
  public static final String PER_EVENT_TEMPLATE = "sync-changes";
  /** The route templates of one pipeline, in the order they are started. */
  static final List<String> TEMPLATES = List.of(PER_EVENT_TEMPLATE, "sync-delivery", "sync-resync");

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReconciler.class);
  private static final long RETRY_FIRST_DELAY_MILLIS = 1_000;
  private static final long RETRY_MAX_DELAY_MILLIS = 300_000;

  private final CamelContext camel;
  private final KubernetesSerialization serialization;
  private final Pipelines pipelines;
  private final StatusWriter statusWriter;
  private final EventRecorder events;
  private final long deliveryPollMillis;
  private final ConfigPolicy policy;
  /** Configs refused by the policy, with the generation that was refused. */
  private final Map<String, Long> refused = new HashMap<>();
  private final ExecutorService routeRemoval;
  /** The config whose routes are being added (reconciles run one at a time), for the status writer. */
  private volatile String building;
  private final ReconcileRetries retries = new ReconcileRetries(RETRY_FIRST_DELAY_MILLIS, RETRY_MAX_DELAY_MILLIS);
  private final Clock clock = Clock.systemUTC();

  public ConfigReconciler(CamelContext camel, KubernetesSerialization serialization, Pipelines pipelines,
      StatusWriter statusWriter, EventRecorder events, long deliveryPollMillis, ConfigPolicy policy) {
    this.camel = camel;
    this.policy = policy;
    this.serialization = serialization;
    this.pipelines = pipelines;
    this.statusWriter = statusWriter;
    this.events = events;
    this.deliveryPollMillis = deliveryPollMillis;
    this.routeRemoval = camel.getExecutorServiceManager().newSingleThreadExecutor(this, "pipeline-route-removal");
    statusWriter.activeWhen(this::running);
  }

  public synchronized void reconcile(GenericKubernetesResource object) {
    String key = object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    SyncTarget target = null;
    try {
      ResourceSyncConfig config = serialization.convertValue(object, ResourceSyncConfig.class);
      target = targetOf(config);
      apply(target, config.getStatus());
      retries.succeeded(key);
    } catch (Exception e) {
      long delay = retries.failed(key, object, clock.millis());
      LOG.warn("event=reconcile-failed config=ResourceSyncConfig({}) attempts={} retry-in-millis={} error=\"{}\"",
          key, retries.attempts(key), delay, e.getMessage());
      if (target != null) {
        failed(target, object, e);
      }
    }
  }

  /** Reconciles again every config whose last reconcile failed and whose delay is over. */
  public synchronized void retryDue() {
    retries.due(clock.millis()).forEach(this::reconcile);
  }

  private void failed(SyncTarget target, GenericKubernetesResource object, Exception error) {
    pipelines.get(target.key()).ifPresent(pipeline -> {
      try {
        stop(pipeline);
      } catch (Exception e) {
        LOG.warn("event=sync-stop-failed config={} error=\"{}\"", target, e.getMessage());
      }
    });
    refused.remove(target.key());
    ResourceSyncConfigStatus current = serialization.convertValue(object, ResourceSyncConfig.class).getStatus();
    statusWriter.refused(target, new ConfigPolicy.Refusal(ReadyReason.ReconcileFailed,
        "Could not start syncing, retrying: " + error.getMessage()), current);
  }

  private void apply(SyncTarget target, ResourceSyncConfigStatus stored) throws Exception {
    Pipeline existing = pipelines.get(target.key()).orElse(null);
    Optional<ConfigPolicy.Refusal> refusal = policy.check(target);
    if (refusal.isPresent()) {
      refuse(target, refusal.get(), existing, stored);
      return;
    }
    refused.remove(target.key());
    if (existing == null) {
      statusWriter.seed(target.key(), stored);
      Pipeline pipeline = pipelines.open(target);
      if (stored != null) {
        pipeline.status().resume(stored.getSyncErrors(), stored.getLastError());
      }
      // Routes of a pipeline dropped on losing leadership may not be removed yet.
      removeRoutes(target);
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
    String key = object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
    retries.succeeded(key);
    refused.remove(key);
    statusWriter.forget(key);
    Pipeline pipeline = pipelines.get(key).orElse(null);
    if (pipeline != null) {
      stop(pipeline);
    }
  }

  /**
   * Forgets every pipeline, without the SyncStopped a deleted config gets: another replica syncs
   * now. Nothing this replica holds stays true while it does not watch (configs are deleted, objects
   * change), so when it leads again it starts as a fresh replica would, from the configs that exist
   * then and with a full resync each.
   *
   * <p>The cluster service calls this on its own thread while it stops the other routes, and a
   * pipeline's routes may take as long as a request to stop. So the pipelines' state is dropped here
   * at once (nothing more can be sent for them), and their routes are removed on another thread.
   */
  public void leadershipLost() {
    List<SyncTarget> dropped = new ArrayList<>();
    for (Pipeline pipeline : List.copyOf(pipelines.all())) {
      pipelines.close(pipeline.target().key());
      statusWriter.forget(pipeline.target().key());
      dropped.add(pipeline.target());
    }
    LOG.info("event=pipelines-discarded reason=leadership-lost configs={}", dropped.size());
    routeRemoval.execute(() -> removeDroppedRoutes(dropped));
  }

  private synchronized void removeDroppedRoutes(List<SyncTarget> dropped) {
    refused.clear();
    for (SyncTarget target : dropped) {
      if (pipelines.get(target.key()).isPresent()) {
        continue;
      }
      try {
        removeRoutes(target);
      } catch (Exception e) {
        LOG.warn("event=routes-not-removed config={} error=\"{}\"", target, e.getMessage());
      }
    }
  }

  /** A pipeline whose routes were never added never synced, so it gets no SyncStopped. */
  private void stop(Pipeline pipeline) throws Exception {
    boolean started = removeRoutes(pipeline.target());
    pipelines.close(pipeline.target().key());
    if (started) {
      LOG.info("event=sync-stopped config={}", pipeline.target());
      events.normal(pipeline.target(), "SyncStopped", "Stopped syncing; records already sent stay on the MCP server");
    }
  }

  /**
   * While Camel stops, it stops and removes every route itself; a config added or deleted in that
   * moment must not change the routes under it (its summary of stopped routes then failed with a
   * ConcurrentModificationException).
   */
  private boolean camelStopping() {
    ServiceStatus status = camel.getStatus();
    return status.isStopping() || status.isStopped();
  }

  /**
   * Adds a pipeline's routes only when every template is loaded: a route added before a missing
   * template is found would run, briefly, for a config that reports ReconcileFailed.
   */
  private void addRoutes(SyncTarget target) throws Exception {
    if (camelStopping()) {
      return;
    }
    for (String template : TEMPLATES) {
      if (((ModelCamelContext) camel).getRouteTemplateDefinition(template) == null) {
        throw new IllegalStateException("route template " + template + " is not loaded from routes/");
      }
    }
    building = target.key();
    try {
      for (String template : TEMPLATES) {
        TemplatedRouteBuilder.builder(camel, template)
            .routeId(routeId(template, target))
            .prefixId(routeId(template, target) + "-")
            .parameter("config", target.key())
            .parameter("id", target.routeSuffix())
            .parameter("pollMillis", deliveryPollMillis)
            .add();
      }
    } finally {
      building = null;
    }
  }

  /** Whether the pipeline had routes; while Camel stops, Camel removes them itself. */
  private boolean removeRoutes(SyncTarget target) throws Exception {
    if (camelStopping()) {
      return true;
    }
    boolean removed = false;
    for (String template : TEMPLATES) {
      String routeId = routeId(template, target);
      if (camel.getRoute(routeId) != null) {
        camel.getRouteController().stopRoute(routeId, 10, TimeUnit.SECONDS);
        camel.removeRoute(routeId);
        removed = true;
      }
    }
    return removed;
  }

  /**
   * False once a route of the pipeline is stopped or suspended (shutdown, leadership lost, by hand).
   * A pipeline whose routes are being added is starting, not stopped, though a route just added shows
   * as stopped until it starts: the status writer may look meanwhile, and must not report every new
   * config as stopped for a moment (with a Warning Event).
   */
  boolean running(SyncTarget target) {
    return target.key().equals(building) || TEMPLATES.stream()
        .map(template -> camel.getRouteController().getRouteStatus(routeId(template, target)))
        .noneMatch(status -> status != null
            && (status.isStopping() || status.isStopped() || status.isSuspending() || status.isSuspended()));
  }

  /** What the delivery side needs of a config, as of this generation of its spec. */
  static SyncTarget targetOf(ResourceSyncConfig config) {
    ResourceSyncConfigSpec spec = config.getSpec();
    Long generation = config.getMetadata().getGeneration();
    return new SyncTarget(config.getMetadata().getNamespace(), config.getMetadata().getName(),
        config.getMetadata().getUid(), spec.getMcpEndpoint(), spec.getMcpAuthSecretRef().getName(),
        spec.getMcpAuthSecretRef().getKey(), spec.debounceWindow(), spec.resyncInterval(),
        generation == null ? 0 : generation);
  }

  static String routeId(String template, SyncTarget target) {
    return template + "-" + target.routeSuffix();
  }
}
