package live.devopstoolkit.resourcesync.delivery;

/**
 * A pipeline's pause after a batch used up its redeliveries: it grows with each failure in a row,
 * as its {@link BackoffPolicy} says, or lasts as long as the receiver's Retry-After asked, and ends
 * with the first delivery.
 */
final class Backoff {

  private final BackoffPolicy policy;
  private long pausedUntilMillis;
  private int failureStreak;

  Backoff(BackoffPolicy policy) {
    this.policy = policy;
  }

  boolean paused(long nowMillis) {
    return nowMillis < pausedUntilMillis;
  }

  void failed(long nowMillis, long retryAfterMillis) {
    failureStreak++;
    pausedUntilMillis = nowMillis + Math.max(retryAfterMillis, policy.pauseMillis(failureStreak));
  }

  /** A delivery went through, or the receiver changed: the next failure starts from the first pause. */
  void reset() {
    failureStreak = 0;
    pausedUntilMillis = 0;
  }
}
