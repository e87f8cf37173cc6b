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
}
