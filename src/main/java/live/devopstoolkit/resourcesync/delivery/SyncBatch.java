package live.devopstoolkit.resourcesync.delivery;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/**
 * One request's worth of work: the changes taken from the pipeline, and, once rendered, what was
 * sent for each (a record, or null for a delete). Rendering happens again on every attempt, from the
 * current cache, so a retried batch carries the newest state and the newest token.
 */
public final class SyncBatch {

  private final boolean resync;
  private final Map<ResourceRef, DueChanges.Due> changes;
  private final Map<ResourceRef, SyncRecord> sent = new LinkedHashMap<>();

  private SyncBatch(boolean resync, Map<ResourceRef, DueChanges.Due> changes) {
    this.resync = resync;
    this.changes = changes;
  }

  static SyncBatch incremental(Map<ResourceRef, DueChanges.Due> changes) {
    return new SyncBatch(false, changes);
  }

  static SyncBatch resync() {
    return new SyncBatch(true, Map.of());
  }

  public boolean isResync() {
    return resync;
  }

  public Collection<ResourceRef> refs() {
    return changes.keySet();
  }

  /** The due change taken for this ref; null for a resync, which takes none. */
  DueChanges.Due change(ResourceRef ref) {
    return changes.get(ref);
  }

  Map<ResourceRef, DueChanges.Due> changes() {
    return changes;
  }

  /** What the last rendering sent, in order; null values are deletes. */
  public Map<ResourceRef, SyncRecord> sent() {
    return sent;
  }

  void rendering() {
    sent.clear();
  }

  void sent(ResourceRef ref, SyncRecord record) {
    sent.put(ref, record);
  }

  public int size() {
    return resync ? sent.size() : changes.size();
  }
}
