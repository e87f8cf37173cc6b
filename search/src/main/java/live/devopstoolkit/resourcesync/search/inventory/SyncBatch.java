package live.devopstoolkit.resourcesync.search.inventory;

import java.util.List;

/** One sync request, validated: what to upsert, which ids to delete, and whether it is a resync. */
public record SyncBatch(List<Resource> upserts, List<String> deletes, boolean resync) {
}
