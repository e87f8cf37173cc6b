package live.devopstoolkit.resourcesync.informer;

import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/** One object of a cache snapshot: where it is and what the receiver should hold for it. */
public record CachedObject(ResourceRef ref, SyncRecord record) {
}
