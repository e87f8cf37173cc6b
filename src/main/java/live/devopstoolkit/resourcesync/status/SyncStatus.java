package live.devopstoolkit.resourcesync.status;

import java.time.Instant;

/**
 * The live facts about one pipeline that its status is written from. Updated on the delivery thread
 * and read by the status writer, hence synchronized; kept apart from the written status so that
 * counting never causes a write by itself.
 */
public final class SyncStatus {

  /** Status messages are cut to this length; receivers can answer with whole HTML pages. */
  public static final int MAX_ERROR_LENGTH = 512;

  private long syncErrors;
  private String lastError;
  private Instant lastSyncTime;
  private Instant lastResyncTime;
  private ReadyReason failure;
  private String failureMessage;
  private boolean resynced;

  /** Continues from a status written before (by an earlier run of the controller): errors add up. */
  public synchronized void resume(Long writtenSyncErrors, String writtenLastError) {
    syncErrors += writtenSyncErrors == null ? 0 : writtenSyncErrors;
    if (lastError == null) {
      lastError = writtenLastError;
    }
  }

  public synchronized void requestFailed(String error) {
    syncErrors++;
    lastError = truncate(error);
  }

  public synchronized void deliveryFailed(ReadyReason reason, String message) {
    failure = reason;
    failureMessage = truncate(message);
    lastError = failureMessage;
  }

  public synchronized void delivered(Instant now, boolean resync) {
    lastSyncTime = now;
    if (resync) {
      lastResyncTime = now;
      resynced = true;
    }
    failure = null;
    failureMessage = null;
  }

  /** The receiver changed: until a resync reaches it, it holds nothing of ours. */
  public synchronized void receiverChanged() {
    resynced = false;
  }

  public synchronized long syncErrors() {
    return syncErrors;
  }

  public synchronized String lastError() {
    return lastError;
  }

  public synchronized Instant lastSyncTime() {
    return lastSyncTime;
  }

  public synchronized Instant lastResyncTime() {
    return lastResyncTime;
  }

  public synchronized ReadyReason failure() {
    return failure;
  }

  public synchronized String failureMessage() {
    return failureMessage;
  }

  public synchronized boolean resynced() {
    return resynced;
  }

  public static String truncate(String message) {
    if (message == null || message.length() <= MAX_ERROR_LENGTH) {
      return message;
    }
    return message.substring(0, MAX_ERROR_LENGTH - 3) + "...";
  }
}
