package live.devopstoolkit.resourcesync.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;
import live.devopstoolkit.resourcesync.resync.ResyncSchedule;
import live.devopstoolkit.resourcesync.status.SyncStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivery for one ResourceSyncConfig: what its receiver is owed and what it already holds.
 *
 * <p>Each step keeps its own state. Open debounce windows live in the aggregator only; once one
 * closes its changes are {@link DueChanges due} here. A batch takes due changes; if it fails they
 * go back, so nothing is dropped, and because state is read from the cache when a batch is
 * rendered, nothing older than the cluster's state is ever sent after something newer.
 * {@link Acknowledgements} hold what the receiver confirmed, {@link Backoff} the pause after a
 * failure, and the {@link ResyncSchedule} whether a full resync is owed, which goes before any
 * incremental batch. Only one request is in flight at a time, so a resync and a batch never race.
 */
public final class Pipeline {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final SyncStatus status = new SyncStatus();
  private final DueChanges due = new DueChanges();
  private final Acknowledgements acknowledgements = new Acknowledgements();
  private final Backoff backoff;
  private final ResyncSchedule resync;
  private final int maxRejections;
  private volatile SyncTarget target;
  /** The batch taken and not yet delivered or failed; its changes are pending until then. */
  private SyncBatch inFlight;

  public Pipeline(SyncTarget target, ResyncSchedule resync, BackoffPolicy backoff, int maxRejections) {
    this.target = target;
    this.resync = resync;
    this.backoff = new Backoff(backoff);
    this.maxRejections = maxRejections;
  }

  public ResyncSchedule resync() {
    return resync;
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
      acknowledgements.newReceiver();
      resync.newReceiver();
      status.receiverChanged();
    }
    backoff.reset();
    target = next;
  }

  /** A debounce window closed: its objects' changes are due, each from when it was first seen. */
  public synchronized void due(Map<ResourceRef, Long> firstSeen) {
    firstSeen.forEach((ref, seen) -> due.add(ref, new DueChanges.Due(seen, 0)));
  }

  /**
   * Changes not acknowledged yet: due from closed windows, in the batch on its way, or left to a
   * resync that has not delivered them (which a shutdown waits for too).
   */
  public synchronized int pendingCount() {
    return due.size() + (inFlight == null ? 0 : inFlight.refs().size()) + resync.left();
  }

  public synchronized int acknowledgedCount() {
    return acknowledgements.size();
  }

  /**
   * The next request to send, or null when there is none now: paused after a failure, a resync
   * waiting for the caches to sync, or nothing due.
   *
   * @param resyncHeldBack the caches cannot sync for now (a type fails before its first list)
   * @param cached every object in the cache, for replaying changes left to a resync held back
   */
  public synchronized SyncBatch nextBatch(long nowMillis, boolean cachesSynced, boolean resyncHeldBack,
      Function<ResourceRef, SyncRecord> current, Supplier<Stream<ResourceRef>> cached, BatchLimits limits) {
    if (backoff.paused(nowMillis)) {
      return null;
    }
    inFlight = switch (resync.next(cachesSynced, resyncHeldBack)) {
      case RESYNC -> SyncBatch.resync();
      case WAIT -> null;
      case REPLAY -> {
        replay(cached.get(), nowMillis);
        yield changes(current, limits);
      }
      case CHANGES -> changes(current, limits);
    };
    return inFlight;
  }

  private SyncBatch changes(Function<ResourceRef, SyncRecord> current, BatchLimits limits) {
    Map<ResourceRef, DueChanges.Due> taken =
        due.take(current, acknowledgements::held, acknowledgements.mayHoldUnacknowledged(), limits);
    return taken.isEmpty() ? null : SyncBatch.incremental(taken);
  }

  /**
   * Makes due whatever a change left to the resync could have touched: every cached object, since
   * only creates and updates are left to it. Those the receiver holds as they are drop out when
   * taken.
   */
  private void replay(Stream<ResourceRef> cached, long nowMillis) {
    DueChanges.Due now = new DueChanges.Due(nowMillis, 0);
    cached.forEach(ref -> due.add(ref, now));
    LOG.info("event=changes-replayed config={} reason=\"the resync they were left to is held back\" pending={}",
        target, due.size());
  }

  /**
   * The receiver applied the batch, except the records it listed as failed.
   *
   * @return how long each acknowledged change waited since it was seen, in milliseconds
   */
  public synchronized List<Long> delivered(SyncBatch batch, Set<String> failedIds, long nowMillis) {
    inFlight = null;
    if (batch.isResync()) {
      acknowledgements.resynced();
      resync.delivered();
    }
    List<Long> latencies = new ArrayList<>();
    batch.sent().forEach((ref, record) -> {
      DueChanges.Due change = batch.change(ref);
      if (failedIds.contains(ref.recordId())) {
        rejected(ref, change == null ? new DueChanges.Due(nowMillis, 0) : change);
        return;
      }
      acknowledgements.acknowledged(ref, record);
      if (change != null) {
        latencies.add(nowMillis - change.seenMillis());
      }
    });
    backoff.reset();
    status.delivered(Instant.ofEpochMilli(nowMillis), batch.isResync());
    return latencies;
  }

  /**
   * The batch did not get through after its redeliveries: its changes are due again (a newer change
   * of the same object merges into the same entry) and the pipeline pauses.
   */
  public synchronized void failed(SyncBatch batch, boolean rejected, long nowMillis, long retryAfterMillis) {
    inFlight = null;
    if (batch.isResync()) {
      resync.failed();
    }
    batch.changes().forEach((ref, change) -> {
      if (rejected) {
        rejected(ref, change);
      } else {
        due.add(ref, change);
      }
    });
    backoff.failed(nowMillis, retryAfterMillis);
  }

  private void rejected(ResourceRef ref, DueChanges.Due change) {
    int rejections = change.rejections() + 1;
    if (rejections >= maxRejections) {
      LOG.error("event=record-dropped config={} object={} rejections={} "
          + "reason=\"the receiver rejected it every time; it is sent again when it changes or at the next resync\"",
          target.key(), ref, rejections);
      return;
    }
    due.add(ref, new DueChanges.Due(change.seenMillis(), rejections));
  }
}
