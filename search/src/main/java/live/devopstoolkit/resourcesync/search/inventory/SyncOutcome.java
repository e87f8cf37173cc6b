package live.devopstoolkit.resourcesync.search.inventory;

/**
 * What a sync request changed, how many texts were embedded for it before the answer, and how many
 * it left to be embedded behind (a request too large to embed within the sender's timeout).
 */
public record SyncOutcome(int upserted, int deleted, int embedded, int embeddingBehind) {
}
