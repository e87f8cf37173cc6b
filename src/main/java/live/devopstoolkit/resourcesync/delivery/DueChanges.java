package live.devopstoolkit.resourcesync.delivery;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/**
 * Changes whose debounce window has closed and that no batch has taken, in the order they became
 * due. Kept per object, not per event, so churn on one object costs one entry.
 */
final class DueChanges {

  /** A due change: when the object's change was first seen, and how often the receiver rejected it. */
  record Due(long seenMillis, int rejections) {

    Due merge(Due other) {
      return new Due(Math.min(seenMillis, other.seenMillis), Math.max(rejections, other.rejections));
    }
  }

  private final Map<ResourceRef, Due> due = new LinkedHashMap<>();

  /** An object's change is due; one already due keeps the earlier time and the higher rejection count. */
  void add(ResourceRef ref, Due change) {
    due.merge(ref, change, Due::merge);
  }

  int size() {
    return due.size();
  }

  /**
   * Takes the next batch's changes, in order, within the limits. A change whose current record the
   * receiver already holds is dropped instead (start-up replays, an object created and deleted in
   * one window); a delete is dropped that way only while the receiver is known to hold nothing
   * unacknowledged, since before its first resync it may hold the object from an earlier run. A
   * change the receiver rejected before is taken alone, so one bad record cannot hold back the
   * others.
   *
   * @param current the object's current record, null once it is gone
   * @param held what the receiver acknowledged for the object, null if nothing
   * @param mayHoldUnacknowledged the receiver may hold records never acknowledged to this pipeline
   */
  Map<ResourceRef, Due> take(Function<ResourceRef, SyncRecord> current, Function<ResourceRef, SyncRecord> held,
      boolean mayHoldUnacknowledged, BatchLimits limits) {
    Map<ResourceRef, Due> taken = new LinkedHashMap<>();
    long bytes = 0;
    for (Iterator<Map.Entry<ResourceRef, Due>> it = due.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<ResourceRef, Due> entry = it.next();
      ResourceRef ref = entry.getKey();
      SyncRecord record = current.apply(ref);
      if (Objects.equals(held.apply(ref), record) && (record != null || !mayHoldUnacknowledged)) {
        it.remove();
        continue;
      }
      boolean rejectedBefore = entry.getValue().rejections() > 0;
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
    return taken;
  }
}
