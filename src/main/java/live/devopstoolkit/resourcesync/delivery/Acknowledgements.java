package live.devopstoolkit.resourcesync.delivery;

import java.util.HashMap;
import java.util.Map;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/**
 * What the receiver confirmed it holds, record by record: lets a batch skip a change the receiver
 * already has, and is what totalResourcesSynced counts. The records are the informer store's own
 * instances, so this costs a map entry per object, not a copy of the inventory.
 */
final class Acknowledgements {

  private final Map<ResourceRef, SyncRecord> held = new HashMap<>();
  /**
   * The receiver holds exactly what is acknowledged here, which only a delivered resync makes so.
   * Until then it may hold records of an earlier run, an earlier leader or another sender.
   */
  private boolean complete;

  SyncRecord held(ResourceRef ref) {
    return held.get(ref);
  }

  /** Whether the receiver may hold a record of this object that was never acknowledged here. */
  boolean mayHoldUnacknowledged() {
    return !complete;
  }

  /** The receiver applied this record, or this delete when the record is null. */
  void acknowledged(ResourceRef ref, SyncRecord record) {
    if (record == null) {
      held.remove(ref);
    } else {
      held.put(ref, record);
    }
  }

  /** A resync was delivered: the receiver holds what it carried, which is acknowledged next. */
  void resynced() {
    held.clear();
    complete = true;
  }

  /** A different receiver: nothing it holds is known. */
  void newReceiver() {
    held.clear();
    complete = false;
  }

  int size() {
    return held.size();
  }
}
