package live.devopstoolkit.resourcesync.delivery;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/** The protocol's {@code ResourceIdentifier}, sent in {@code deletes}. */
@JsonPropertyOrder({"namespace", "name", "kind", "apiVersion"})
record DeleteRecord(String namespace, String name, String kind, String apiVersion) {

  static DeleteRecord of(ResourceRef ref) {
    return new DeleteRecord(ref.namespace() == null ? SyncRecord.CLUSTER : ref.namespace(), ref.name(),
        ref.type().kind(), ref.type().apiVersion());
  }
}
