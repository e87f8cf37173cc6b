package live.devopstoolkit.resourcesync.changes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import live.devopstoolkit.resourcesync.discovery.ResourceType;

/** Maps a Kubernetes object to the record the protocol sends for it ("What Gets Synced"). */
public final class SyncRecords {

  private SyncRecords() {
  }

  /**
   * The record of an object. One is kept per object of the cluster, so the strings that repeat
   * across objects (namespaces, label values, creation and write times to the second) are the
   * JVM's interned copies, one per distinct value, rather than one per object as parsed; the JVM
   * drops an interned string once nothing refers to it, so values that come and go do not pile up.
   */
  public static SyncRecord of(ResourceType type, GenericKubernetesResource object) {
    ObjectMeta meta = object.getMetadata();
    String namespace = meta.getNamespace() == null || meta.getNamespace().isEmpty()
        ? SyncRecord.CLUSTER : meta.getNamespace().intern();
    return new SyncRecord(namespace, meta.getName(), type.kind(), type.apiVersion(),
        internedValues(meta.getLabels()), keptAnnotations(meta.getAnnotations()),
        intern(meta.getCreationTimestamp()), intern(updatedAt(meta)));
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
    List<ManagedFieldsEntry> entries = meta.getManagedFields();
    if (entries != null) {
      for (ManagedFieldsEntry entry : entries) {
        if (entry.getTime() == null || (entry.getSubresource() != null && !entry.getSubresource().isEmpty())) {
          continue;
        }
        if (newest == null || isBefore(newest, entry.getTime())) {
          newest = entry.getTime();
        }
      }
    }
    String created = meta.getCreationTimestamp();
    if (newest == null || (created != null && isBefore(newest, created))) {
      return created;
    }
    return newest;
  }

  /**
   * Whether time {@code a} is before {@code b}. The API server writes these times as UTC to the
   * second ({@code 2026-01-01T00:00:00Z}), whose text sorts as the times do, so they are compared
   * as text: parsing every managedFields entry of every object was a measurable share of the
   * initial sync (bench/PROFILE.md). Any other form is parsed.
   */
  static boolean isBefore(String a, String b) {
    if (isUtcSeconds(a) && isUtcSeconds(b)) {
      return a.compareTo(b) < 0;
    }
    return Instant.parse(a).isBefore(Instant.parse(b));
  }

  /** {@code yyyy-MM-ddTHH:mm:ssZ}: digits and separators at fixed places. */
  private static boolean isUtcSeconds(String time) {
    if (time.length() != 20 || time.charAt(19) != 'Z') {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = time.charAt(i);
      boolean ok = switch (i) {
        case 4, 7 -> c == '-';
        case 10 -> c == 'T';
        case 13, 16 -> c == ':';
        default -> c >= '0' && c <= '9';
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> internedValues(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) {
      return null;
    }
    Map<String, String> interned = new HashMap<>(labels.size() * 2);
    labels.forEach((k, v) -> interned.put(k.intern(), intern(v)));
    return Map.copyOf(interned);
  }

  private static String intern(String value) {
    return value == null ? null : value.intern();
  }

  private static Map<String, String> copy(Map<String, String> map) {
    return map == null || map.isEmpty() ? null : Map.copyOf(map);
  }
}
