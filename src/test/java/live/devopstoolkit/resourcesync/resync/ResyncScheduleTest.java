package live.devopstoolkit.resourcesync.resync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResyncScheduleTest {

  static final long MINUTE = 60_000;

  @Test
  void dueOncePerIntervalCountedFromTheLastDueResync() {
    ResyncSchedule schedule = new ResyncSchedule(0);
    assertThat(schedule.due(59 * MINUTE, 60 * MINUTE)).isFalse();
    assertThat(schedule.due(60 * MINUTE, 60 * MINUTE)).isTrue();
    assertThat(schedule.due(61 * MINUTE, 60 * MINUTE)).isFalse();
    assertThat(schedule.due(120 * MINUTE, 60 * MINUTE)).isTrue();
  }

  @Test
  void anEditedIntervalAppliesAtTheNextCheck() {
    ResyncSchedule schedule = new ResyncSchedule(0);
    assertThat(schedule.due(10 * MINUTE, 60 * MINUTE)).isFalse();
    assertThat(schedule.due(10 * MINUTE, 5 * MINUTE)).as("shortened below the time already waited").isTrue();
    assertThat(schedule.due(14 * MINUTE, 5 * MINUTE)).isFalse();
    assertThat(schedule.due(15 * MINUTE, 30 * MINUTE)).as("lengthened").isFalse();
    assertThat(schedule.due(40 * MINUTE, 30 * MINUTE)).isTrue();
  }
}
