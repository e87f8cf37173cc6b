package live.devopstoolkit.resourcesync.delivery;

import java.util.HashMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/**
 * What the receiver confirmed it holds, record by record: lets a batch skip a change the receiver
 * already has, and is what totalResourcesSynced counts. The records are the informer store's own
 * instances, so this costs a map entry per object, not a copy of the inventory.
 */
final class Acknowledgements {

  private final Map<ResourceRef, SyncRecord> held = new HashMap<>();

  SyncRecord held(ResourceRef ref) {
    return held.get(ref);
  }

  /** The receiver applied this record, or this delete when the record is null. */
  void acknowledged(ResourceRef ref, SyncRecord record) {
    if (record == null) {
      held.remove(ref);
    } else {
      held.put(ref, record);
    }
  }

  /** A resync replaces everything, and a new receiver holds nothing we know of. */
  void forgetAll() {
    held.clear();
  }

  Set<ResourceRef> refs() {
    return Collections.unmodifiableSet(held.keySet());
  }

  int size() {
    return held.size();
  }
}
