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
    assertThat(schedule.next(false, true)).as("held back after changes were left to it").isEqualTo(Next.REPLAY);
    assertThat(schedule.covers()).as("changes flow meanwhile").isFalse();
    assertThat(schedule.next(false, true)).as("replayed once").isEqualTo(Next.CHANGES);
    assertThat(schedule.next(true, false)).isEqualTo(Next.RESYNC);
    assertThat(schedule.covers()).as("taken: it may have read the cache already").isFalse();
    schedule.markDue();
    assertThat(schedule.next(false, true)).as("nothing was left to it").isEqualTo(Next.CHANGES);
  }
}
