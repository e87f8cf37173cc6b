package live.devopstoolkit.resourcesync.changes;

import java.util.Objects;

/**
 * One informer event reduced to what the receiver would see before and after it; {@code before} is
 * null for a create and {@code after} null for a delete.
 */
public record ResourceChange(ResourceRef ref, SyncRecord before, SyncRecord after) {

  /**
   * Creates and deletes always matter; an update matters only when the record changes. Status
   * writes, resourceVersion bumps and annotations that are not synced leave the record equal.
   */
  public boolean isRelevant() {
    return before == null || after == null || !Objects.equals(before, after);
  }
}
