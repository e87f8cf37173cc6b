package live.devopstoolkit.resourcesync.delivery;

import java.util.Map;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/**
 * How big one incremental request may get. The existing receiver applies records one at a time and
 * ingress proxies often cap bodies near 1 MiB, so batches stay at hundreds of records and well under
 * that.
 */
public record BatchLimits(int maxRecords, long maxBytes) {

  /** A cheap upper-bound guess of a record's JSON size, without serializing it. */
  long estimateBytes(ResourceRef ref, SyncRecord record) {
    long size = 96 + ref.type().apiVersion().length() + ref.type().kind().length() + ref.name().length()
        + (ref.namespace() == null ? 8 : ref.namespace().length());
    if (record != null) {
      size += 64 + sizeOf(record.labels()) + sizeOf(record.annotations());
    }
    return size;
  }

  private static long sizeOf(Map<String, String> map) {
    if (map == null) {
      return 0;
    }
    long size = 0;
    for (var e : map.entrySet()) {
      // JSON escaping can double a value's length (quotes, backslashes, control characters).
      size += 6 + e.getKey().length() + 2L * e.getValue().length();
    }
    return size;
  }
}
