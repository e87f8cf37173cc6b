package live.devopstoolkit.resourcesync.debounce;

import java.time.Clock;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Step 4 of "How It Works": collects the refs of a debounce window into one {@link ChangedRefs}. */
public class ChangedRefsAggregation implements AggregationStrategy {

  private final Clock clock;

  public ChangedRefsAggregation(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Exchange aggregate(Exchange group, Exchange change) {
    ResourceRef ref = change.getMessage().getBody(ResourceRef.class);
    long now = clock.millis();
    if (group == null) {
      ChangedRefs refs = new ChangedRefs(now);
      refs.add(ref, now);
      change.getMessage().setBody(refs);
      return change;
    }
    group.getMessage().getBody(ChangedRefs.class).add(ref, now);
    return group;
  }
}
