package live.devopstoolkit.resourcesync.resourcesyncconfig;

import java.util.Map;
import live.devopstoolkit.resourcesync.status.SyncStatus;

/**
 * What is true of one pipeline right now, gathered for {@link Statuses#of}: whether its routes run,
 * what the shared informers watch, and what the receiver acknowledged.
 */
public record StatusFacts(boolean active, int watchedTypes, boolean cachesSynced, String discoveryFailure,
    Map<String, String> failedTypes, int acknowledged, long generation, SyncStatus sync) {
}
