package live.devopstoolkit.resourcesync.resourcesyncconfig;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import live.devopstoolkit.resourcesync.status.ReadyCondition;
import live.devopstoolkit.resourcesync.status.ReadyReason;
import live.devopstoolkit.resourcesync.status.SyncStatus;

/**
 * Turns the facts about a pipeline into its status. Pure, so the rules for Ready are tested without
 * a cluster: False while its routes are stopped, while discovery failed with nothing watched, while
 * the last delivery failed, while a type cannot be watched, or until the caches synced and a first
 * full resync was acknowledged; True otherwise.
 */
public final class Statuses {

  private Statuses() {
  }

  public static ResourceSyncConfigStatus of(StatusFacts facts, ResourceSyncConfigStatus previous, Instant now) {
    SyncStatus sync = facts.sync();
    ResourceSyncConfigStatus status = new ResourceSyncConfigStatus();
    status.setActive(facts.active());
    status.setWatchedResourceTypes(facts.watchedTypes());
    status.setTotalResourcesSynced(facts.acknowledged());
    status.setSyncErrors(sync.syncErrors());
    status.setLastError(sync.lastError());
    status.setLastSyncTime(format(sync.lastSyncTime()));
    status.setLastResyncTime(format(sync.lastResyncTime()));
    status.setObservedGeneration(facts.generation());

    ReadyReason reason;
    String message;
    if (!facts.active()) {
      reason = ReadyReason.Stopped;
      message = "The sync routes of this config are stopped";
    } else if (facts.discoveryFailure() != null && facts.watchedTypes() == 0) {
      reason = ReadyReason.DiscoveryFailed;
      message = facts.discoveryFailure();
    } else if (sync.failure() != null) {
      reason = sync.failure();
      message = sync.failureMessage();
    } else if (!facts.failedTypes().isEmpty()) {
      reason = ReadyReason.TypesNotWatched;
      message = "Watching " + facts.watchedTypes() + " resource types; " + facts.acknowledged()
          + " resources synced; the MCP server keeps the records of types not watched"
          + (facts.cachesSynced() ? "" : ", and the full resync waits until they can be listed");
    } else if (!facts.cachesSynced() || !sync.resynced()) {
      reason = ReadyReason.WaitingForCaches;
      message = facts.cachesSynced() ? "Waiting for the first full resync to be acknowledged"
          : "Listing resource types; " + facts.watchedTypes() + " synced so far";
    } else {
      reason = ReadyReason.Synced;
      message = "Watching " + facts.watchedTypes() + " resource types; " + facts.acknowledged()
          + " resources synced";
    }
    if (!facts.failedTypes().isEmpty()) {
      message += "; " + facts.failedTypes().size() + " types not watched: " + facts.failedTypes().entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    }
    List<Condition> previousConditions = previous == null ? null : previous.getConditions();
    List<Condition> conditions = new ArrayList<>();
    conditions.add(ReadyCondition.of(reason, SyncStatus.truncate(message), facts.generation(), previousConditions,
        format(now)));
    status.setConditions(conditions);
    return status;
  }

  /** The status of a config the controller refuses to act on: inactive, not Ready, and why. */
  public static ResourceSyncConfigStatus refused(ReadyReason reason, String message, long generation,
      ResourceSyncConfigStatus previous, Instant now) {
    ResourceSyncConfigStatus status = new ResourceSyncConfigStatus();
    status.setActive(false);
    status.setWatchedResourceTypes(0);
    status.setTotalResourcesSynced(0);
    status.setSyncErrors(previous == null || previous.getSyncErrors() == null ? 0 : previous.getSyncErrors());
    status.setLastError(message);
    status.setObservedGeneration(generation);
    status.setConditions(new ArrayList<>(List.of(ReadyCondition.of(reason, message, generation,
        previous == null ? null : previous.getConditions(), format(now)))));
    return status;
  }

  static String format(Instant time) {
    return time == null ? null : time.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
