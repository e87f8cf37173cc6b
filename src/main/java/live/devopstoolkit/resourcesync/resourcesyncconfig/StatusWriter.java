package live.devopstoolkit.resourcesync.resourcesyncconfig;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import live.devopstoolkit.resourcesync.delivery.Pipeline;
import live.devopstoolkit.resourcesync.delivery.Pipelines;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import live.devopstoolkit.resourcesync.informer.InformerRegistry;
import live.devopstoolkit.resourcesync.status.ReadyCondition;
import live.devopstoolkit.resourcesync.status.ReadyReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each pipeline's status, only when it differs from what was last written, and posts an
 * Event when Ready changes reason. The config route ignores updates that keep the generation, so
 * these writes never feed back into a reconcile.
 */
public class StatusWriter {

  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  private final KubernetesClient client;
  private final Pipelines pipelines;
  private final InformerRegistry registry;
  private final EventRecorder events;
  private final Clock clock;
  private final Map<String, ResourceSyncConfigStatus> written = new ConcurrentHashMap<>();
  private volatile Predicate<SyncTarget> active = target -> true;

  public StatusWriter(KubernetesClient client, Pipelines pipelines, InformerRegistry registry, EventRecorder events,
      Clock clock) {
    this.client = client;
    this.pipelines = pipelines;
    this.registry = registry;
    this.events = events;
    this.clock = clock;
  }

  /** Tells whether a config's pipeline runs; the reconciler owns its routes, so it knows. */
  void activeWhen(Predicate<SyncTarget> running) {
    this.active = running;
  }

  /** Starts from the status on the server, so a restart keeps transition times. */
  void seed(String key, ResourceSyncConfigStatus existing) {
    if (existing != null) {
      written.putIfAbsent(key, existing);
    }
  }

  void forget(String key) {
    written.remove(key);
  }

  public void writeAll() {
    pipelines.all().forEach(this::write);
  }

  /**
   * Synchronized with {@link #refused}: a pipeline closed while its status is being computed must
   * not have the refusal overwritten by its last active status, since refusals are written once.
   */
  private synchronized void write(Pipeline pipeline) {
    SyncTarget target = pipeline.target();
    if (pipelines.get(target.key()).orElse(null) != pipeline) {
      return;
    }
    ResourceSyncConfigStatus previous = written.get(target.key());
    publish(target, previous, Statuses.of(new StatusFacts(active.test(target), registry.watchedTypes(),
        registry.isSynced(), registry.discoveryFailure(), registry.failedTypes(), pipeline.acknowledgedCount(),
        target.generation(),
        pipeline.status()), previous, clock.instant()));
  }

  /** Writes the status of a config the controller will not act on, and says why in an Event. */
  synchronized void refused(SyncTarget target, ConfigPolicy.Refusal refusal, ResourceSyncConfigStatus current) {
    seed(target.key(), current);
    ResourceSyncConfigStatus previous = written.get(target.key());
    publish(target, previous, Statuses.refused(refusal.reason(), refusal.message(), target.generation(), previous,
        clock.instant()));
  }

  private void publish(SyncTarget target, ResourceSyncConfigStatus previous, ResourceSyncConfigStatus next) {
    if (next.equals(previous)) {
      return;
    }
    ResourceSyncConfig patch = new ResourceSyncConfig();
    patch.setMetadata(new ObjectMetaBuilder().withNamespace(target.namespace()).withName(target.name()).build());
    patch.setStatus(next);
    try {
      client.resources(ResourceSyncConfig.class).inNamespace(target.namespace()).resource(patch).patchStatus();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return;
      }
      LOG.warn("event=status-not-written config={} code={} error=\"{}\"", target, e.getCode(), e.getMessage());
      return;
    }
    written.put(target.key(), next);
    announce(target, previous, next);
  }

  private void announce(SyncTarget target, ResourceSyncConfigStatus previous, ResourceSyncConfigStatus next) {
    Condition before = previous == null ? null : ReadyCondition.find(previous.getConditions()).orElse(null);
    Condition after = ReadyCondition.find(next.getConditions()).orElseThrow();
    if (before != null && Objects.equals(before.getReason(), after.getReason())) {
      return;
    }
    LOG.info("event=ready-changed config={} ready={} reason={} message=\"{}\"", target, after.getStatus(),
        after.getReason(), after.getMessage());
    if (ReadyReason.Synced.name().equals(after.getReason())) {
      events.normal(target, after.getReason(), after.getMessage());
    } else if (!ReadyReason.WaitingForCaches.name().equals(after.getReason())) {
      events.warning(target, after.getReason(), after.getMessage());
    }
  }
}
