package live.devopstoolkit.resourcesync.changes;

import live.devopstoolkit.resourcesync.discovery.ResourceType;

/**
 * Names one object without holding its state. Pending changes are kept as refs and the state is
 * read from the informer store when a batch is sent, so a retry can never send a state older than
 * the one the cluster has, and pending memory grows with distinct objects, not with events.
 */
public record ResourceRef(ResourceType type, String namespace, String name) {

  /** The informer store's key, {@code namespace/name} or {@code name}. */
  public String storeKey() {
    return namespace == null ? name : namespace + "/" + name;
  }

  /** The receiver's identity for this object. */
  public String recordId() {
    return SyncRecord.id(namespace == null ? SyncRecord.CLUSTER : namespace, type.apiVersion(), type.kind(), name);
  }

  /** {@code Kind(ns/name)}, the way logs name objects. */
  @Override
  public String toString() {
    return type.kind() + "(" + storeKey() + ")";
  }
}
