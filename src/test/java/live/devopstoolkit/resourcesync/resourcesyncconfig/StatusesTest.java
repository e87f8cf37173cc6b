package live.devopstoolkit.resourcesync.resourcesyncconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Map;
import live.devopstoolkit.resourcesync.status.ReadyCondition;
import live.devopstoolkit.resourcesync.status.ReadyReason;
import live.devopstoolkit.resourcesync.status.SyncStatus;
import org.junit.jupiter.api.Test;

class StatusesTest {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2026-01-01T00:05:00.123Z");

  @Test
  void readyOnlyOnceCachesSyncedAndAResyncWasAcknowledged() {
    SyncStatus sync = new SyncStatus();
    assertThat(ready(Statuses.of(facts(false, sync), null, T0)).getReason()).isEqualTo("WaitingForCaches");
    assertThat(ready(Statuses.of(facts(true, sync), null, T0)).getReason()).isEqualTo("WaitingForCaches");
    sync.delivered(T0, true);
    Condition ready = ready(Statuses.of(facts(true, sync), null, T0));
    assertThat(ready.getStatus()).isEqualTo("True");
    assertThat(ready.getReason()).isEqualTo("Synced");
    assertThat(ready.getMessage()).isEqualTo("Watching 50 resource types; 120 resources synced");
  }

  @Test
  void aFailedDeliveryMakesItNotReadyUntilTheNextSuccess() {
    SyncStatus sync = new SyncStatus();
    sync.delivered(T0, true);
    sync.requestFailed("cannot reach http://mcp");
    sync.deliveryFailed(ReadyReason.EndpointUnreachable, "cannot reach http://mcp");
    ResourceSyncConfigStatus status = Statuses.of(facts(true, sync), null, T0);
    assertThat(ready(status).getReason()).isEqualTo("EndpointUnreachable");
    assertThat(status.getSyncErrors()).isOne();
    assertThat(status.getLastError()).isEqualTo("cannot reach http://mcp");
    sync.delivered(T1, false);
    assertThat(ready(Statuses.of(facts(true, sync), status, T1)).getReason()).isEqualTo("Synced");
  }

  @Test
  void theTransitionTimeMovesOnlyWhenReadyFlips() {
    SyncStatus sync = new SyncStatus();
    sync.delivered(T0, true);
    ResourceSyncConfigStatus first = Statuses.of(facts(true, sync), null, T0);
    ResourceSyncConfigStatus later = Statuses.of(facts(true, sync), first, T1);
    assertThat(ready(later).getLastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(later).isEqualTo(first);

    sync.deliveryFailed(ReadyReason.SyncFailing, "500");
    ResourceSyncConfigStatus failing = Statuses.of(facts(true, sync), later, T1);
    assertThat(ready(failing).getLastTransitionTime()).isEqualTo("2026-01-01T00:05:00Z");
  }

  @Test
  void discoveryFailureWithNothingWatchedIsReported() {
    StatusFacts facts = new StatusFacts(true, 0, false, "connection refused", Map.of(), 0, 1, new SyncStatus());
    assertThat(ready(Statuses.of(facts, null, T0)).getReason()).isEqualTo("DiscoveryFailed");
  }

  @Test
  void typesThatCannotBeWatchedMakeItNotReadyAndAreNamed() {
    SyncStatus sync = new SyncStatus();
    sync.delivered(T0, true);
    StatusFacts facts = new StatusFacts(true, 50, true, null, Map.of("secrets", "forbidden"), 120, 1, sync);
    Condition ready = ready(Statuses.of(facts, null, T0));
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("TypesNotWatched");
    assertThat(ready.getMessage()).doesNotContain("resync waits")
        .endsWith("; 1 types not watched: secrets (forbidden)");
  }

  @Test
  void aTypeThatNeverListedSaysTheResyncWaits() {
    StatusFacts facts = new StatusFacts(true, 50, false, null, Map.of("secrets", "forbidden"), 120, 1,
        new SyncStatus());
    Condition ready = ready(Statuses.of(facts, null, T0));
    assertThat(ready.getReason()).isEqualTo("TypesNotWatched");
    assertThat(ready.getMessage()).contains("the full resync waits until they can be listed");
  }

  @Test
  void stoppedRoutesMakeItInactiveAndNotReady() {
    SyncStatus sync = new SyncStatus();
    sync.delivered(T0, true);
    ResourceSyncConfigStatus status = Statuses.of(new StatusFacts(false, 50, true, null, Map.of(), 120, 1, sync),
        null, T0);
    assertThat(status.getActive()).isFalse();
    assertThat(ready(status).getReason()).isEqualTo("Stopped");
  }

  @Test
  void errorsCountOnFromTheStatusWrittenBefore() {
    SyncStatus sync = new SyncStatus();
    sync.resume(7L, "cannot reach http://mcp");
    sync.requestFailed("HTTP 500");
    ResourceSyncConfigStatus status = Statuses.of(facts(true, sync), null, T0);
    assertThat(status.getSyncErrors()).isEqualTo(8);
    assertThat(status.getLastError()).isEqualTo("HTTP 500");
  }

  @Test
  void longErrorsAreTruncated() {
    SyncStatus sync = new SyncStatus();
    sync.requestFailed("x".repeat(5_000));
    assertThat(sync.lastError()).hasSize(SyncStatus.MAX_ERROR_LENGTH).endsWith("...");
  }

  static StatusFacts facts(boolean synced, SyncStatus sync) {
    return new StatusFacts(true, 50, synced, null, Map.of(), 120, 3, sync);
  }

  static Condition ready(ResourceSyncConfigStatus status) {
    return ReadyCondition.find(status.getConditions()).orElseThrow();
  }
}
