package live.devopstoolkit.resourcesync.delivery;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import live.devopstoolkit.resourcesync.debounce.ChangedRefs;
import live.devopstoolkit.resourcesync.informer.InformerRegistry;
import live.devopstoolkit.resourcesync.resync.ResyncSchedule;
import live.devopstoolkit.resourcesync.informer.StoredResource;
import live.devopstoolkit.resourcesync.status.ReadyReason;
import live.devopstoolkit.resourcesync.status.SyncMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipelines of every ResourceSyncConfig, and the bean the sync routes call. Routes say when
 * (an informer event, a closed debounce window, a delivery tick, a resync timer); this class and
 * {@link Pipeline} decide what.
 */
public class Pipelines {

  /** Exchange property naming the pipeline ({@code namespace/name}) a route works for. */
  public static final String PIPELINE = "syncPipeline";
  /** Exchange property carrying the {@link SyncBatch} being delivered. */
  public static final String BATCH = "syncBatch";
  /** Exchange property with the record ids the receiver reported as failed. */
  public static final String FAILED_IDS = "syncFailedIds";

  private static final Logger LOG = LoggerFactory.getLogger(Pipelines.class);

  private final Map<String, Pipeline> pipelines = new ConcurrentHashMap<>();
  private final InformerRegistry registry;
  private final Clock clock;
  private final BatchLimits limits;
  private final BackoffPolicy backoff;
  private final int maxRejections;
  private final SyncMetrics metrics;
  private final ToIntFunction<String> inWindow;

  /**
   * @param inWindow how many objects of a pipeline wait in its open debounce window, which the
   *     aggregator owns; read for the pending gauge only
   */
  public Pipelines(InformerRegistry registry, Clock clock, BatchLimits limits, BackoffPolicy backoff,
      int maxRejections, SyncMetrics metrics, ToIntFunction<String> inWindow) {
    this.registry = registry;
    this.inWindow = inWindow;
    this.metrics = metrics;
    this.clock = clock;
    this.limits = limits;
    this.backoff = backoff;
    this.maxRejections = maxRejections;
  }

  public Pipeline open(SyncTarget target) {
    return pipelines.computeIfAbsent(target.key(), key -> {
      Pipeline pipeline = new Pipeline(target, new ResyncSchedule(clock.millis()), backoff, maxRejections);
      metrics.opened(key, () -> inWindow.applyAsInt(key) + pipeline.pendingCount(), registry::watchedTypes);
      return pipeline;
    });
  }

  public Optional<Pipeline> get(String key) {
    return Optional.ofNullable(pipelines.get(key));
  }

  public void close(String key) {
    pipelines.remove(key);
    metrics.closed(key);
  }

  /** Pipelines whose last delivery failed, and why. */
  public Map<String, ReadyReason> failing() {
    Map<String, ReadyReason> failing = new TreeMap<>();
    pipelines.forEach((key, pipeline) -> {
      ReadyReason failure = pipeline.status().failure();
      if (failure != null) {
        failing.put(key, failure);
      }
    });
    return failing;
  }

  /** Counts a failed request of a pipeline, in its status and its metrics. */
  void requestFailed(String key, String error) {
    get(key).ifPresent(p -> {
      p.status().requestFailed(error);
      metrics.requestFailed(key);
    });
  }

  public Collection<Pipeline> all() {
    return pipelines.values();
  }

  /** A debounce window closed: its changes are due, and counted as seen. */
  public void due(@ExchangeProperty(PIPELINE) String key, ChangedRefs window) {
    get(key).ifPresent(p -> {
      p.due(window.firstSeen());
      metrics.changesSeen(key, window.changes());
    });
  }

  /**
   * Whether a change needs the pipeline's debounce window: not when the full resync it owes will
   * read the change from the cache anyway, nor once the pipeline is closed.
   */
  public boolean needsWindow(String key) {
    Pipeline pipeline = pipelines.get(key);
    return pipeline != null && !pipeline.resync().covers();
  }

  /** The pipeline's current debounce window: read per change, so an edited spec applies at once. */
  public long debounceMillis(@ExchangeProperty(PIPELINE) String key) {
    return get(key).map(p -> p.target().debounceWindowSeconds() * 1000L).orElse(1000L);
  }

  /** Marks a full resync due when the config's current resync interval has elapsed. */
  public void resyncIfDue(@ExchangeProperty(PIPELINE) String key) {
    get(key).ifPresent(p -> {
      if (p.resync().dueAfter(clock.millis(), p.target().resyncIntervalMinutes() * 60_000L)) {
        LOG.info("event=resync-due config={}", p.target());
      }
    });
  }

  /** Marks a full resync due now. */
  public void resync(String key) {
    get(key).ifPresent(p -> {
      LOG.info("event=resync-due config={}", p.target());
      p.resync().markDue();
    });
  }

  /** Takes the pipeline's next batch into the exchange; false when there is nothing to send now. */
  public boolean nextBatch(Exchange exchange) {
    Pipeline pipeline = pipelines.get(exchange.getProperty(PIPELINE, String.class));
    if (pipeline == null) {
      return false;
    }
    SyncBatch batch = pipeline.nextBatch(clock.millis(), registry.isSynced(), registry.resyncHeldBack(),
        ref -> registry.get(ref).map(StoredResource::record).orElse(null), registry::cachedRefs, limits);
    exchange.setProperty(BATCH, batch);
    exchange.removeProperty(FAILED_IDS);
    return batch != null;
  }

  public void delivered(Exchange exchange) {
    Pipeline pipeline = pipelines.get(exchange.getProperty(PIPELINE, String.class));
    SyncBatch batch = exchange.getProperty(BATCH, SyncBatch.class);
    if (pipeline == null || batch == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    Set<String> failedIds = exchange.getProperty(FAILED_IDS, Set.of(), Set.class);
    List<Long> latencies = pipeline.delivered(batch, failedIds, clock.millis());
    metrics.delivered(pipeline.target().key(), batch.isResync(), batch.sent().size() - failedIds.size(), latencies);
    long deletes = batch.sent().values().stream().filter(r -> r == null).count();
    LOG.info("event=batch-delivered config={} resync={} upserts={} deletes={} rejected={}", pipeline.target(),
        batch.isResync(), batch.sent().size() - deletes, deletes, failedIds.size());
  }

  /** Called by the error handler once a batch has used up its redeliveries. */
  public void failed(Exchange exchange) {
    Pipeline pipeline = pipelines.get(exchange.getProperty(PIPELINE, String.class));
    SyncBatch batch = exchange.getProperty(BATCH, SyncBatch.class);
    Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    if (pipeline == null || batch == null) {
      return;
    }
    ReadyReason reason = error instanceof DeliveryFailure f ? f.reason() : ReadyReason.SyncFailing;
    long retryAfter = error instanceof DeliveryFailure.ReceiverUnavailable u ? u.retryAfterMillis() : 0;
    String message = error == null ? "delivery failed" : error.getMessage();
    pipeline.failed(batch, error instanceof DeliveryFailure.BatchRejected, clock.millis(), retryAfter);
    pipeline.status().deliveryFailed(reason, message);
    LOG.warn("event=batch-failed config={} resync={} records={} reason={} error=\"{}\" pending={}",
        pipeline.target(), batch.isResync(), batch.size(), reason, message, pipeline.pendingCount());
  }
}
