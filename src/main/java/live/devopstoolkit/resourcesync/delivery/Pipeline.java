package live.devopstoolkit.resourcesync.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;
import live.devopstoolkit.resourcesync.resync.ResyncSchedule;
import live.devopstoolkit.resourcesync.status.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one ResourceSyncConfig has not delivered yet, and what its receiver already holds.
 *
 * <p>Changes are kept as refs in two stages: {@code waiting} while the debounce window is open,
 * {@code due} once the aggregator closed it. A batch takes due refs; if it fails they go back, so
 * nothing is dropped, and because state is read from the cache when a batch is rendered, nothing
 * older than the cluster's state is ever sent after something newer. {@code acknowledged} is what
 * the receiver confirmed, which lets a batch skip refs whose current record it already holds
 * (start-up replays, create-then-delete within a window) and is what totalResourcesSynced counts.
 * A full resync is taken before any incremental batch (unless a type that never listed holds it
 * back), and only one request is in flight at a time, so the two never race.
 */
public final class Pipeline {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final SyncStatus status = new SyncStatus();
  private final Set<ResourceRef> waiting = new LinkedHashSet<>();
  /** Due refs and how many times the receiver rejected each. */
  private final Map<ResourceRef, Integer> due = new LinkedHashMap<>();
  private final Map<ResourceRef, SyncRecord> acknowledged = new HashMap<>();
  /** When each pending object's oldest unacknowledged change was seen, for the latency metric. */
  private final Map<ResourceRef, Long> changedSince = new HashMap<>();
  private volatile SyncTarget target;
  private final ResyncSchedule resyncSchedule;
  private boolean resyncDue = true;
  /** The batch taken and not yet delivered or failed; its changes are pending until then. */
  private SyncBatch inFlight;
  private long pausedUntilMillis;
  private int failureStreak;

  public Pipeline(SyncTarget target, ResyncSchedule resyncSchedule) {
    this.target = target;
    this.resyncSchedule = resyncSchedule;
  }

  ResyncSchedule resyncSchedule() {
    return resyncSchedule;
  }

  public SyncTarget target() {
    return target;
  }

  public SyncStatus status() {
    return status;
  }

  /** A new spec; a different endpoint is a different receiver, which needs everything again. */
  public synchronized void retarget(SyncTarget next) {
    if (!Objects.equals(next.endpoint(), target.endpoint())) {
      acknowledged.clear();
      resyncDue = true;
      status.receiverChanged();
    }
    pausedUntilMillis = 0;
    target = next;
  }

  public synchronized void changed(ResourceRef ref, long nowMillis) {
    changedSince.putIfAbsent(ref, nowMillis);
    if (!due.containsKey(ref)) {
      waiting.add(ref);
    }
  }

  public synchronized void due(Collection<ResourceRef> refs) {
    for (ResourceRef ref : refs) {
      waiting.remove(ref);
      due.putIfAbsent(ref, 0);
    }
  }

  /** Makes every waiting change due at once, for a flush before shutdown. */
  public synchronized void allDue() {
    due(Set.copyOf(waiting));
  }

  public synchronized void resyncDue() {
    resyncDue = true;
  }

  /** Changes not yet acknowledged: waiting, due, or in the batch on its way. */
  public synchronized int pendingCount() {
    return due.size() + waiting.size() + (inFlight == null ? 0 : inFlight.refs().size());
  }

  public synchronized int acknowledgedCount() {
    return acknowledged.size();
  }

  /**
   * The next request to send, or null when there is none now: paused after a failure, a resync
   * waiting for the caches to sync, or nothing due. Refs rejected before are sent one per request,
   * so one bad record cannot hold back the others.
   *
   * @param resyncHeldBack the caches cannot sync for now (a type fails before its first list): the
   *     resync waits, but changes are sent meanwhile, since batches and the resync never overlap
   */
  public synchronized SyncBatch nextBatch(long nowMillis, boolean cachesSynced, boolean resyncHeldBack,
      Function<ResourceRef, Optional<SyncRecord>> current, BatchLimits limits) {
    if (nowMillis < pausedUntilMillis) {
      return null;
    }
    if (resyncDue && cachesSynced) {
      resyncDue = false;
      inFlight = SyncBatch.resync();
      return inFlight;
    }
    if (resyncDue && !resyncHeldBack) {
      return null;
    }
    Map<ResourceRef, Integer> taken = new LinkedHashMap<>();
    long bytes = 0;
    for (Iterator<Map.Entry<ResourceRef, Integer>> it = due.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<ResourceRef, Integer> entry = it.next();
      ResourceRef ref = entry.getKey();
      SyncRecord record = current.apply(ref).orElse(null);
      if (Objects.equals(acknowledged.get(ref), record)) {
        it.remove();
        changedSince.remove(ref);
        continue;
      }
      boolean rejectedBefore = entry.getValue() > 0;
      if (rejectedBefore && !taken.isEmpty()) {
        continue;
      }
      long size = limits.estimateBytes(ref, record);
      if (!taken.isEmpty() && bytes + size > limits.maxBytes()) {
        break;
      }
      taken.put(ref, entry.getValue());
      bytes += size;
      it.remove();
      if (rejectedBefore || taken.size() >= limits.maxRecords()) {
        break;
      }
    }
    inFlight = taken.isEmpty() ? null : SyncBatch.incremental(taken);
    return inFlight;
  }

  /**
   * The receiver applied the batch, except the records it listed as failed.
   *
   * @return how long each acknowledged change waited since it was seen, in milliseconds
   */
  public synchronized List<Long> delivered(SyncBatch batch, Set<String> failedIds, long nowMillis,
      int maxRejections) {
    inFlight = null;
    if (batch.isResync()) {
      acknowledged.clear();
    }
    List<Long> latencies = new ArrayList<>();
    batch.sent().forEach((ref, record) -> {
      if (failedIds.contains(ref.recordId())) {
        rejected(ref, batch.rejections(ref), maxRejections);
        return;
      }
      if (record == null) {
        acknowledged.remove(ref);
      } else {
        acknowledged.put(ref, record);
      }
      if (!waiting.contains(ref) && !due.containsKey(ref)) {
        Long since = changedSince.remove(ref);
        if (since != null) {
          latencies.add(nowMillis - since);
        }
      }
    });
    failureStreak = 0;
    pausedUntilMillis = 0;
    status.delivered(Instant.ofEpochMilli(nowMillis), batch.isResync());
    return latencies;
  }

  /**
   * The batch did not get through after its redeliveries: its changes become due again (a newer
   * change of the same object needs no merge, the ref is the same) and the pipeline pauses with a
   * growing backoff, or as long as the receiver's Retry-After asked.
   */
  public synchronized void failed(SyncBatch batch, boolean rejected, long nowMillis, long retryAfterMillis,
      BackoffPolicy backoff, int maxRejections) {
    inFlight = null;
    if (batch.isResync()) {
      resyncDue = true;
    } else {
      for (ResourceRef ref : batch.refs()) {
        if (rejected) {
          rejected(ref, batch.rejections(ref), maxRejections);
        } else {
          due.putIfAbsent(ref, 0);
          waiting.remove(ref);
        }
      }
    }
    failureStreak++;
    pausedUntilMillis = nowMillis + Math.max(retryAfterMillis, backoff.pauseMillis(failureStreak));
  }

  private void rejected(ResourceRef ref, int rejectedBefore, int maxRejections) {
    int rejections = rejectedBefore + 1;
    if (rejections >= maxRejections) {
      due.remove(ref);
      changedSince.remove(ref);
      LOG.error("event=record-dropped config={} object={} rejections={} "
          + "reason=\"the receiver rejected it every time; it is sent again when it changes or at the next resync\"",
          target.key(), ref, rejections);
      return;
    }
    waiting.remove(ref);
    due.put(ref, rejections);
  }
}
