package live.devopstoolkit.resourcesync.delivery;

/**
 * How long a pipeline waits before trying again once a batch has used up its redeliveries: doubling
 * from the initial pause up to the maximum, so a receiver that is down for long is not hammered and
 * one that comes back is found within the maximum.
 */
public record BackoffPolicy(long initialPauseMillis, long maxPauseMillis) {

  long pauseMillis(int failureStreak) {
    long pause = initialPauseMillis;
    for (int i = 1; i < failureStreak && pause < maxPauseMillis; i++) {
      pause *= 2;
    }
    return Math.min(pause, maxPauseMillis);
  }
}
