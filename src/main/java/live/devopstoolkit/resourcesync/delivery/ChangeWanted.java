package live.devopstoolkit.resourcesync.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The sync-changes route's {@code ref: changeWanted}: false for a change the pipeline's owed resync
 * will carry anyway (see {@link Pipeline#wantsChange}), so it skips the debounce window. At start
 * that is the whole first list, for every config, which otherwise went through each config's
 * aggregator only to be found already acknowledged after the resync.
 */
public final class ChangeWanted implements Predicate {

  private final Pipelines pipelines;

  public ChangeWanted(Pipelines pipelines) {
    this.pipelines = pipelines;
  }

  @Override
  public boolean matches(Exchange exchange) {
    return pipelines.wantsChange(exchange.getProperty(Pipelines.PIPELINE, String.class));
  }
}
