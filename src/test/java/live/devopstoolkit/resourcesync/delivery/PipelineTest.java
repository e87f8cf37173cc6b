package live.devopstoolkit.resourcesync.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.changes.SyncRecord;
import live.devopstoolkit.resourcesync.resync.ResyncSchedule;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PipelineTest {

  static final ResourceType CONFIG_MAP = new ResourceType("", "v1", "ConfigMap", "configmaps", true);
  static final BatchLimits LIMITS = new BatchLimits(500, 512 * 1024);
  static final BackoffPolicy BACKOFF = new BackoffPolicy(1_000, 8_000);
  static final SyncTarget TARGET = new SyncTarget("ns", "sync", "uid", "http://mcp/sync", "s", "k", 10, 60, 1);

  final Map<ResourceRef, SyncRecord> cluster = new HashMap<>();
  Pipeline pipeline;
  long now = 1_000_000;

  @BeforeEach
  void startedAndResynced() {
    pipeline = fresh();
    SyncBatch resync = next();
    assertThat(resync.isResync()).isTrue();
    pipeline.delivered(resync, Set.of(), now);
  }

  @Test
  void aFullResyncComesFirstAndWaitsForSyncedCaches() {
    Pipeline fresh = fresh();
    fresh.due(Map.of(ref("a"), now));
    assertThat(fresh.nextBatch(now, false, false, this::current, this::cached, LIMITS)).isNull();
    assertThat(fresh.nextBatch(now, true, false, this::current, this::cached, LIMITS).isResync()).isTrue();
  }

  @Test
  void aResyncHeldBackByATypeThatNeverListedLetsChangesThroughAndComesOnceCachesSync() {
    Pipeline fresh = fresh();
    put("a", "1");
    fresh.due(Map.of(ref("a"), now));
    SyncBatch changes = fresh.nextBatch(now, false, true, this::current, this::cached, LIMITS);
    assertThat(changes.isResync()).isFalse();
    assertThat(changes.refs()).containsExactly(ref("a"));
    fresh.delivered(render(changes), Set.of(), now);
    assertThat(fresh.nextBatch(now, false, true, this::current, this::cached, LIMITS)).isNull();
    assertThat(fresh.nextBatch(now, true, false, this::current, this::cached, LIMITS).isResync()).isTrue();
  }

  @Test
  void changesLeftToAResyncThatIsThenHeldBackAreReplayedBesideTheDeletesThatWentThroughAWindow() {
    put("same", "1");
    put("kept", "1");
    put("gone", "1");
    deliver(ref("same"));
    deliver(ref("kept"));
    deliver(ref("gone"));
    pipeline.resync().markDue();
    put("new", "1");
    put("kept", "2");
    assertThat(pipeline.resync().covers()).as("left to the owed resync").isTrue();
    cluster.remove(ref("gone"));
    pipeline.due(Map.of(ref("gone"), now));

    SyncBatch replayed = render(pipeline.nextBatch(now, false, true, this::current, this::cached, LIMITS));
    assertThat(replayed.isResync()).isFalse();
    assertThat(replayed.refs()).containsExactlyInAnyOrder(ref("new"), ref("kept"), ref("gone"));
    assertThat(replayed.sent().get(ref("gone"))).as("a delete").isNull();
    pipeline.delivered(replayed, Set.of(), now);
    assertThat(pipeline.resync().covers()).as("changes flow while the resync is held back").isFalse();
    assertThat(pipeline.nextBatch(now, true, false, this::current, this::cached, LIMITS).isResync()).isTrue();
  }

  @Test
  void changesLeftToAResyncThatFailsAreReplayedIfItIsThenHeldBackAndArePendingUntilDelivered() {
    put("a", "1");
    Pipeline fresh = fresh();
    assertThat(fresh.resync().covers()).isTrue();
    assertThat(fresh.pendingCount()).as("a shutdown waits for it").isOne();
    SyncBatch resync = fresh.nextBatch(now, true, false, this::current, this::cached, LIMITS);
    assertThat(resync.isResync()).isTrue();
    fresh.failed(resync, false, now, 0);
    assertThat(fresh.pendingCount()).isOne();
    now += 60_000;
    SyncBatch replayed = fresh.nextBatch(now, false, true, this::current, this::cached, LIMITS);
    assertThat(replayed.refs()).containsExactly(ref("a"));
    fresh.delivered(render(replayed), Set.of(), now);
    assertThat(fresh.pendingCount()).isZero();
  }

  @Test
  void anObjectDueFromTwoWindowsIsSentOnceAndItsWaitCountsFromTheFirst() {
    put("a", "1");
    pipeline.due(Map.of(ref("a"), now - 3_000));
    pipeline.due(Map.of(ref("a"), now - 1_000));
    assertThat(pipeline.pendingCount()).isEqualTo(1);
    SyncBatch batch = render(next());
    assertThat(batch.refs()).containsExactly(ref("a"));
    assertThat(pipeline.delivered(batch, Set.of(), now)).containsExactly(3_000L);
  }

  @Test
  void whatTheReceiverAlreadyHoldsIsNotSentAgain() {
    put("a", "1");
    deliver(ref("a"));
    pipeline.due(Map.of(ref("a"), now));
    assertThat(next()).isNull();
    assertThat(pipeline.pendingCount()).isZero();
  }

  @Test
  void anObjectCreatedAndDeletedWithinAWindowIsNeverSent() {
    pipeline.due(Map.of(ref("ephemeral"), now));
    assertThat(next()).isNull();
  }

  @Test
  void aDeleteBeforeTheFirstResyncIsSentSinceTheReceiverMayHoldTheObjectFromAnEarlierRun() {
    Pipeline fresh = fresh();
    fresh.due(Map.of(ref("deleted-while-down"), now));
    SyncBatch deletes = render(fresh.nextBatch(now, false, true, this::current, this::cached, LIMITS));
    assertThat(deletes.refs()).containsExactly(ref("deleted-while-down"));
    assertThat(deletes.sent().get(ref("deleted-while-down"))).as("a delete").isNull();
  }

  @Test
  void aDeleteOfAnObjectANewReceiverWasNeverSentIsSentAnyway() {
    pipeline.retarget(new SyncTarget("ns", "sync", "uid", "http://other/sync", "s", "k", 10, 60, 2));
    pipeline.due(Map.of(ref("unknown"), now));
    SyncBatch batch = pipeline.nextBatch(now, false, true, this::current, this::cached, LIMITS);
    assertThat(batch.refs()).containsExactly(ref("unknown"));
  }

  @Test
  void aFailedBatchStaysPendingAndIsRetriedAfterABackoffThatGrows() {
    put("a", "1");
    pipeline.due(Map.of(ref("a"), now));
    SyncBatch batch = next();
    pipeline.failed(batch, false, now, 0);
    assertThat(next()).isNull();
    now += 1_000;
    SyncBatch retry = next();
    assertThat(retry.refs()).containsExactly(ref("a"));
    pipeline.failed(retry, false, now, 0);
    now += 1_000;
    assertThat(next()).as("second pause is twice as long").isNull();
    now += 1_000;
    assertThat(next()).isNotNull();
  }

  @Test
  void retryAfterFromTheReceiverIsHonoured() {
    put("a", "1");
    pipeline.due(Map.of(ref("a"), now));
    pipeline.failed(next(), false, now, 30_000);
    now += 29_000;
    assertThat(next()).isNull();
    now += 1_000;
    assertThat(next()).isNotNull();
  }

  @Test
  void aChangeDuringAFailedAttemptIsNotLostAndTheNewestStateWins() {
    put("a", "1");
    pipeline.due(Map.of(ref("a"), now));
    SyncBatch batch = next();
    put("a", "2");
    pipeline.due(Map.of(ref("a"), now + 10));
    pipeline.failed(batch, false, now, 0);
    assertThat(pipeline.pendingCount()).isOne();
    now += 1_000;
    SyncBatch retry = render(next());
    assertThat(retry.refs()).containsExactly(ref("a"));
    assertThat(retry.sent()).containsEntry(ref("a"), cluster.get(ref("a")));
    pipeline.delivered(retry, Set.of(), now);
    assertThat(pipeline.pendingCount()).isZero();
  }

  @Test
  void pendingMemoryIsBoundedByDistinctObjectsNotEvents() {
    IntStream.range(0, 10_000).forEach(i -> pipeline.due(Map.of(ref("obj-" + (i % 10)), now)));
    assertThat(pipeline.pendingCount()).isEqualTo(10);
  }

  @Test
  void batchesAreCappedByRecordsAndBytes() {
    IntStream.range(0, 1_200).forEach(i -> {
      put("obj-" + i, "1");
      pipeline.due(Map.of(ref("obj-" + i), now));
    });
    assertThat(next().size()).isEqualTo(500);
    assertThat(pipeline.nextBatch(now, true, false, this::current, this::cached, new BatchLimits(500, 10_000)).size())
        .isBetween(10, 100);
  }

  @Test
  void aRejectedRecordIsRetriedAloneThenSetAside() {
    put("bad", "1");
    put("good", "1");
    pipeline = fresh(2);
    pipeline.delivered(next(), Set.of(), now);
    pipeline.due(Map.of(ref("bad"), now));
    pipeline.due(Map.of(ref("good"), now));
    pipeline.delivered(render(next()), Set.of(ref("bad").recordId()), now);
    assertThat(pipeline.acknowledgedCount()).isEqualTo(1);

    put("other", "1");
    pipeline.due(Map.of(ref("other"), now));
    SyncBatch alone = render(next());
    assertThat(alone.refs()).containsExactly(ref("bad"));
    pipeline.delivered(alone, Set.of(ref("bad").recordId()), now);

    SyncBatch last = render(next());
    assertThat(last.refs()).as("rejected twice: set aside").containsExactly(ref("other"));
    pipeline.delivered(last, Set.of(), now);
    assertThat(pipeline.pendingCount()).isZero();
  }

  @Test
  void aNewEndpointGetsAFullResync() {
    put("a", "1");
    deliver(ref("a"));
    pipeline.retarget(new SyncTarget("ns", "sync", "uid", "http://other/sync", "s", "k", 10, 60, 2));
    assertThat(pipeline.acknowledgedCount()).isZero();
    assertThat(next().isResync()).isTrue();
  }

  @Test
  void aNewEndpointWhileTheResyncIsHeldBackGetsEveryCachedObject() {
    put("a", "1");
    put("b", "1");
    deliver(ref("a"));
    pipeline.retarget(new SyncTarget("ns", "sync", "uid", "http://other/sync", "s", "k", 10, 60, 2));
    SyncBatch replayed = pipeline.nextBatch(now, false, true, this::current, this::cached, LIMITS);
    assertThat(replayed.isResync()).isFalse();
    assertThat(replayed.refs()).containsExactlyInAnyOrder(ref("a"), ref("b"));
  }

  @Test
  void aFailedResyncIsResent() {
    pipeline.resync().markDue();
    SyncBatch resync = next();
    pipeline.failed(resync, false, now, 0);
    now += 1_000;
    assertThat(next().isResync()).isTrue();
  }

  @Test
  void aBatchOnItsWayIsPendingUntilTheReceiverAnswers() {
    put("a", "1");
    pipeline.due(Map.of(ref("a"), now));
    SyncBatch batch = render(next());
    assertThat(pipeline.pendingCount()).isOne();
    pipeline.delivered(batch, Set.of(), now);
    assertThat(pipeline.pendingCount()).isZero();
  }


  SyncBatch next() {
    return pipeline.nextBatch(now, true, false, this::current, this::cached, LIMITS);
  }

  Pipeline fresh() {
    return fresh(3);
  }

  Pipeline fresh(int maxRejections) {
    return new Pipeline(TARGET, new ResyncSchedule(0), BACKOFF, maxRejections);
  }

  void deliver(ResourceRef ref) {
    pipeline.due(Map.of(ref, now));
    pipeline.delivered(render(next()), Set.of(), now);
  }

  SyncBatch render(SyncBatch batch) {
    batch.rendering();
    batch.refs().forEach(r -> batch.sent(r, cluster.get(r)));
    return batch;
  }

  SyncRecord current(ResourceRef ref) {
    return cluster.get(ref);
  }

  Stream<ResourceRef> cached() {
    return cluster.keySet().stream();
  }

  void put(String name, String version) {
    cluster.put(ref(name), new SyncRecord("ns", name, "ConfigMap", "v1", Map.of("v", version), null,
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:0" + version + "Z"));
  }

  static ResourceRef ref(String name) {
    return new ResourceRef(CONFIG_MAP, "ns", name);
  }
}
