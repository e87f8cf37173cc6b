package live.devopstoolkit.resourcesync.delivery;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/**
 * One request's worth of work: the refs taken from the pipeline, and, once rendered, what was sent
 * for each (a record, or null for a delete). Rendering happens again on every attempt, from the
 * current cache, so a retried batch carries the newest state and the newest token.
 */
public final class SyncBatch {

  private final boolean resync;
  private final Map<ResourceRef, Integer> rejections;
  private final Map<ResourceRef, SyncRecord> sent = new LinkedHashMap<>();

  private SyncBatch(boolean resync, Map<ResourceRef, Integer> rejections) {
    this.resync = resync;
    this.rejections = rejections;
  }

  /** Refs to send, each with how many times the receiver rejected it before. */
  static SyncBatch incremental(Map<ResourceRef, Integer> rejections) {
    return new SyncBatch(false, rejections);
  }

  static SyncBatch resync() {
    return new SyncBatch(true, Map.of());
  }

  public boolean isResync() {
    return resync;
  }

  public Collection<ResourceRef> refs() {
    return rejections.keySet();
  }

  int rejections(ResourceRef ref) {
    return rejections.getOrDefault(ref, 0);
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
    return resync ? sent.size() : rejections.size();
  }
}
