package live.devopstoolkit.resourcesync.changes;


/**
 * One informer event reduced to what the receiver would see before and after it; {@code before} is
 * null for a create and {@code after} null for a delete.
 */
public record ResourceChange(ResourceRef ref, SyncRecord before, SyncRecord after) {

  /**
   * Creates and deletes always matter; an update matters only when labels or kept annotations
   * change. Status writes, resourceVersion bumps, spec edits and annotations that are not synced
   * send nothing.
   */
  public boolean isRelevant() {
    return before == null || after == null || !before.sameContentAs(after);
  }
}
