package live.devopstoolkit.resourcesync.resync;

/**
 * When a pipeline's next periodic resync is due. The interval is read at every check rather than
 * fixed into a timer, so editing {@code resyncIntervalMinutes} takes effect without rebuilding any
 * route: a shorter interval that has already elapsed makes the resync due at once, a longer one
 * postpones it. The start-up resync is the first, so the schedule counts from when it opened.
 */
public final class ResyncSchedule {

  private long lastMillis;

  public ResyncSchedule(long openedMillis) {
    this.lastMillis = openedMillis;
  }

  /** True, once per interval, when the interval has elapsed since the last resync was due. */
  public synchronized boolean due(long nowMillis, long intervalMillis) {
    if (nowMillis - lastMillis < intervalMillis) {
      return false;
    }
    lastMillis = nowMillis;
    return true;
  }
}
