package live.devopstoolkit.resourcesync.debounce;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The aggregator's completion timeout restarts with every change, so under continuous churn it
 * would never fire. This completion predicate, checked as each change arrives, closes the group
 * once its oldest change has waited a whole window or it holds a full batch; with the timeout this
 * bounds any change's wait to under two windows.
 *
 * <p>The route calls it directly ({@code ref: boundedStaleness}), once per relevant change: as a
 * bean method ({@code method: isComplete}) Camel bound it by reflection and copied the exchange on
 * every call, about a sixth of the route's CPU under churn (bench/RESULTS.md).
 */
public class BoundedStaleness implements Predicate {

  /** Exchange property carrying the pipeline's debounce window in milliseconds. */
  public static final String WINDOW_MILLIS = "debounceWindowMillis";

  private final Clock clock;
  private final int maxBatch;

  public BoundedStaleness(Clock clock, int maxBatch) {
    this.clock = clock;
    this.maxBatch = maxBatch;
  }

  @Override
  public boolean matches(Exchange group) {
    return isComplete(group);
  }

  public boolean isComplete(Exchange group) {
    ChangedRefs refs = group.getMessage().getBody(ChangedRefs.class);
    long window = group.getProperty(WINDOW_MILLIS, Long.class);
    return refs.size() >= maxBatch || clock.millis() - refs.firstChangeMillis() >= window;
  }
}
