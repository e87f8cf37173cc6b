package live.devopstoolkit.resourcesync.changes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import live.devopstoolkit.resourcesync.discovery.ResourceType;

/** Maps a Kubernetes object to the record the protocol sends for it ("What Gets Synced"). */
public final class SyncRecords {

  private SyncRecords() {
  }

  public static SyncRecord of(ResourceType type, GenericKubernetesResource object) {
    ObjectMeta meta = object.getMetadata();
    String namespace = meta.getNamespace() == null || meta.getNamespace().isEmpty()
        ? SyncRecord.CLUSTER : meta.getNamespace();
    return new SyncRecord(namespace, meta.getName(), type.kind(), type.apiVersion(),
        copy(meta.getLabels()), keptAnnotations(meta.getAnnotations()),
        meta.getCreationTimestamp(), updatedAt(meta));
  }

  /**
   * Only description-like annotations are synced: key {@code description} or ending in
   * {@code /description}. Everything else, last-applied-configuration included, is large or noise.
   */
  public static boolean isKeptAnnotation(String key) {
    return key.equals("description") || key.endsWith("/description");
  }

  static Map<String, String> keptAnnotations(Map<String, String> annotations) {
    if (annotations == null || annotations.isEmpty()) {
      return null;
    }
    Map<String, String> kept = new TreeMap<>();
    annotations.forEach((k, v) -> {
      if (isKeptAnnotation(k)) {
        kept.put(k, v);
      }
    });
    return copy(kept);
  }

  /**
   * When the object last changed: the newest managedFields time of a write to the object (not to
   * its status or another subresource), else its creation, and never before its creation (the API
   * server can stamp managedFields a second before creationTimestamp). Stable across resyncs, unlike the time
   * of sending, so receivers re-index only what changed. The informer store keeps the first value
   * seen for as long as the synced content stays the same (see the informer's MetadataStore).
   */
  static String updatedAt(ObjectMeta meta) {
    String newest = null;
    Instant newestTime = null;
    List<ManagedFieldsEntry> entries = meta.getManagedFields();
    if (entries != null) {
      for (ManagedFieldsEntry entry : entries) {
        if (entry.getTime() == null || (entry.getSubresource() != null && !entry.getSubresource().isEmpty())) {
          continue;
        }
        Instant time = Instant.parse(entry.getTime());
        if (newestTime == null || time.isAfter(newestTime)) {
          newestTime = time;
          newest = entry.getTime();
        }
      }
    }
    String created = meta.getCreationTimestamp();
    if (newest == null || (created != null && newestTime.isBefore(Instant.parse(created)))) {
      return created;
    }
    return newest;
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null || map.isEmpty() ? null : Map.copyOf(map);
  }
}
