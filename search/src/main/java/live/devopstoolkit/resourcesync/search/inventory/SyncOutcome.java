package live.devopstoolkit.resourcesync.search.inventory;

/** What a sync request changed, and how many records had to be embedded for it. */
public record SyncOutcome(int upserted, int deleted, int embedded) {
}
