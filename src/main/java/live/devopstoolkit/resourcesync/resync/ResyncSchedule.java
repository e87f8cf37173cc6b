package live.devopstoolkit.resourcesync.resync;

/**
 * Whether a pipeline owes its receiver a full resync, and when the next periodic one falls due.
 *
 * <p>The interval is read at every check rather than fixed into a timer, so editing
 * {@code resyncIntervalMinutes} takes effect without rebuilding any route: a shorter interval that
 * has already elapsed makes the resync due at once, a longer one postpones it. The start-up resync
 * is the first, so the schedule counts from when the pipeline opened.
 *
 * <p>A due resync goes before any incremental batch, so that a receiver told to delete what the
 * resync did not list never loses a change sent just before. It waits for the informer caches to
 * sync; if a type cannot list at all, the caches cannot sync, and changes go out meanwhile rather
 * than wait for a resync that would delete that type's records anyway.
 *
 * <p>A due resync reads every object from the cache when it is sent, so a create or update made in
 * the cache before then is in it already: such a change is left to the resync instead of going
 * through a debounce window and a batch of its own. At start-up that is every add of the
 * informers' first lists, which would otherwise be handled twice. Should changes have to flow while
 * the resync is held back, the ones left to it are replayed first. Deletes are never left to it.
 */
public final class ResyncSchedule {

  /** What a pipeline may send next, as far as the resync is concerned. */
  public enum Next {
    /** The full resync, now. */
    RESYNC,
    /** Nothing: the resync is due and waits for the caches, and changes wait behind it. */
    WAIT,
    /** Incremental batches. */
    CHANGES,
    /** Incremental batches, every cached object first: changes were left to the resync, now held back. */
    REPLAY
  }

  private long lastMillis;
  private boolean due = true;
  /** Changes go out while the due resync is held back, so they are not left to it. */
  private boolean changesFlow;
  /**
   * Changes left to a resync and not yet delivered by one, nor replayed; at least one for a new
   * receiver, which is owed everything.
   */
  private int left;
  /** Of {@link #left}, those the resync on its way carries: delivered with it, left again if it fails. */
  private int carried;

  public ResyncSchedule(long openedMillis) {
    this.lastMillis = openedMillis;
  }

  /** Makes a resync due when the interval has elapsed since the last one fell due; true if it did. */
  public synchronized boolean dueAfter(long nowMillis, long intervalMillis) {
    if (nowMillis - lastMillis < intervalMillis) {
      return false;
    }
    lastMillis = nowMillis;
    due = true;
    return true;
  }

  /** Makes a resync due now, on request. */
  public synchronized void markDue() {
    due = true;
  }

  /**
   * A receiver that holds nothing we know of: it is owed everything, by a resync or, while one is
   * held back, by a replay of every cached object.
   */
  public synchronized void newReceiver() {
    due = true;
    carried = 0;
    left = Math.max(left, 1);
  }

  /** The resync on its way failed: it is due again, and what it carried is still left to it. */
  public synchronized void failed() {
    due = true;
    carried = 0;
  }

  /** The resync on its way was delivered, and with it the changes left to it when it was taken. */
  public synchronized void delivered() {
    left -= carried;
    carried = 0;
  }

  /** Changes left to a resync that has not delivered them yet: pending, as far as a shutdown is concerned. */
  public synchronized int left() {
    return left;
  }

  /**
   * Whether a change just made in the cache can be left to the due resync: true from when a resync
   * falls due until it is taken, unless changes flow meanwhile.
   */
  public synchronized boolean covers() {
    if (due && !changesFlow) {
      left++;
      return true;
    }
    return false;
  }

  /**
   * Decides what goes next; {@link Next#RESYNC} is taken, so the caller sends it and reports the
   * outcome with {@link #delivered()} or {@link #failed()}.
   *
   * @param cachesSynced every watched type has listed
   * @param heldBack a type fails before its first list, so the caches cannot sync for now
   */
  public synchronized Next next(boolean cachesSynced, boolean heldBack) {
    if (!due) {
      return Next.CHANGES;
    }
    if (cachesSynced) {
      due = false;
      changesFlow = false;
      carried = left;
      return Next.RESYNC;
    }
    changesFlow = heldBack;
    if (!heldBack) {
      return Next.WAIT;
    }
    if (left > 0) {
      left = 0;
      return Next.REPLAY;
    }
    return Next.CHANGES;
  }
}
