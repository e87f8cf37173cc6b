package live.devopstoolkit.resourcesync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import live.devopstoolkit.resourcesync.resync.ResyncSchedule.Next;
import org.junit.jupiter.api.Test;

class ResyncScheduleTest {

  static final long MINUTE = 60_000;

  @Test
  void dueOncePerIntervalCountedFromTheLastDueResync() {
    ResyncSchedule schedule = new ResyncSchedule(0);
    assertThat(schedule.dueAfter(59 * MINUTE, 60 * MINUTE)).isFalse();
    assertThat(schedule.dueAfter(60 * MINUTE, 60 * MINUTE)).isTrue();
    assertThat(schedule.dueAfter(61 * MINUTE, 60 * MINUTE)).isFalse();
    assertThat(schedule.dueAfter(120 * MINUTE, 60 * MINUTE)).isTrue();
  }

  @Test
  void anEditedIntervalAppliesAtTheNextCheck() {
    ResyncSchedule schedule = new ResyncSchedule(0);
    assertThat(schedule.dueAfter(10 * MINUTE, 60 * MINUTE)).isFalse();
    assertThat(schedule.dueAfter(10 * MINUTE, 5 * MINUTE)).as("shortened below the time already waited").isTrue();
    assertThat(schedule.dueAfter(14 * MINUTE, 5 * MINUTE)).isFalse();
    assertThat(schedule.dueAfter(15 * MINUTE, 30 * MINUTE)).as("lengthened").isFalse();
    assertThat(schedule.dueAfter(40 * MINUTE, 30 * MINUTE)).isTrue();
  }

  @Test
  void aDueResyncGoesFirstOnceCachesSyncAndHoldsChangesBackUnlessATypeCannotList() {
    ResyncSchedule schedule = new ResyncSchedule(0);
    assertThat(schedule.next(false, false)).as("start-up resync waits for the caches").isEqualTo(Next.WAIT);
    assertThat(schedule.next(false, true)).as("a type that never lists lets changes through")
        .isEqualTo(Next.CHANGES);
    assertThat(schedule.next(true, false)).isEqualTo(Next.RESYNC);
    assertThat(schedule.next(true, false)).as("taken").isEqualTo(Next.CHANGES);
    schedule.markDue();
    assertThat(schedule.next(true, false)).as("a failed resync is owed again").isEqualTo(Next.RESYNC);
    assertThat(schedule.dueAfter(60 * MINUTE, 60 * MINUTE)).isTrue();
    assertThat(schedule.next(true, false)).isEqualTo(Next.RESYNC);
  }

  @Test
  void aChangeIsLeftToADueResyncUntilItIsTakenOrHeldBackAndThenReplayed() {
    ResyncSchedule schedule = new ResyncSchedule(0);
    assertThat(schedule.covers()).as("the start-up resync is owed").isTrue();
    assertThat(schedule.next(false, false)).isEqualTo(Next.WAIT);
    assertThat(schedule.covers()).isTrue();
    assertThat(schedule.left()).isEqualTo(2);
    assertThat(schedule.next(false, true)).as("held back after changes were left to it").isEqualTo(Next.REPLAY);
    assertThat(schedule.left()).as("replayed: due in the pipeline now").isZero();
    assertThat(schedule.covers()).as("changes flow meanwhile").isFalse();
    assertThat(schedule.next(false, true)).as("replayed once").isEqualTo(Next.CHANGES);
    assertThat(schedule.next(true, false)).isEqualTo(Next.RESYNC);
    assertThat(schedule.covers()).as("taken: it may have read the cache already").isFalse();
    schedule.markDue();
    assertThat(schedule.next(false, true)).as("nothing was left to it").isEqualTo(Next.CHANGES);
  }

  @Test
  void whatAResyncCarriedStaysLeftUntilItIsDeliveredAndIsReplayedIfItFailsAndIsThenHeldBack() {
    ResyncSchedule schedule = new ResyncSchedule(0);
    schedule.covers();
    schedule.covers();
    assertThat(schedule.next(true, false)).isEqualTo(Next.RESYNC);
    assertThat(schedule.left()).as("on its way, not delivered").isEqualTo(2);
    schedule.failed();
    assertThat(schedule.covers()).as("owed again").isTrue();
    assertThat(schedule.left()).isEqualTo(3);
    assertThat(schedule.next(false, true)).as("a type stopped listing meanwhile").isEqualTo(Next.REPLAY);

    ResyncSchedule delivered = new ResyncSchedule(0);
    delivered.covers();
    assertThat(delivered.next(true, false)).isEqualTo(Next.RESYNC);
    assertThat(delivered.dueAfter(60 * MINUTE, 60 * MINUTE)).as("the next one falls due on the way").isTrue();
    assertThat(delivered.covers()).isTrue();
    delivered.delivered();
    assertThat(delivered.left()).as("only what the delivered one carried is done").isOne();
  }
}
