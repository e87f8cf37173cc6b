package live.devopstoolkit.resourcesync.debounce;

import java.time.Clock;
import org.apache.camel.Exchange;

/**
 * The aggregator's completion timeout restarts with every change, so under continuous churn it
 * would never fire. This completion predicate, checked as each change arrives, closes the group
 * once its oldest change has waited a whole window or it holds a full batch; with the timeout this
 * bounds any change's wait to under two windows.
 */
public class BoundedStaleness {

  /** Exchange property carrying the pipeline's debounce window in milliseconds. */
  public static final String WINDOW_MILLIS = "debounceWindowMillis";

  private final Clock clock;
  private final int maxBatch;

  public BoundedStaleness(Clock clock, int maxBatch) {
    this.clock = clock;
    this.maxBatch = maxBatch;
  }

  public boolean isComplete(Exchange group) {
    ChangedRefs refs = group.getMessage().getBody(ChangedRefs.class);
    long window = group.getProperty(WINDOW_MILLIS, Long.class);
    return refs.size() >= maxBatch || clock.millis() - refs.firstChangeMillis() >= window;
  }
}
