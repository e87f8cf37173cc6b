package live.devopstoolkit.resourcesync.delivery;

import live.devopstoolkit.resourcesync.status.ReadyReason;

/**
 * Why a batch was not delivered. The subclasses exist so the route's error handling can tell what
 * to retry: {@link ReceiverUnavailable} is redelivered with backoff, the others are not because
 * retrying at once cannot help.
 */
public abstract class DeliveryFailure extends Exception {

  private final ReadyReason reason;

  protected DeliveryFailure(ReadyReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReadyReason reason() {
    return reason;
  }

  /** The receiver cannot be reached, is failing, or answered with something that is not the protocol. */
  public static class ReceiverUnavailable extends DeliveryFailure {

    private final long retryAfterMillis;

    public ReceiverUnavailable(ReadyReason reason, String message, long retryAfterMillis) {
      super(reason, message);
      this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
      return retryAfterMillis;
    }
  }

  /** The Secret holding the token, or its key, does not exist. */
  public static class SecretNotFound extends DeliveryFailure {

    public SecretNotFound(String message) {
      super(ReadyReason.SecretNotFound, message);
    }
  }

  /** The receiver rejected the whole request as malformed (HTTP 400); resending it as is would fail again. */
  public static class BatchRejected extends DeliveryFailure {

    public BatchRejected(String message) {
      super(ReadyReason.SyncFailing, message);
    }
  }
}
