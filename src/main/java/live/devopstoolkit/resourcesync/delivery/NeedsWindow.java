package live.devopstoolkit.resourcesync.delivery;

import live.devopstoolkit.resourcesync.changes.ResourceChange;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The sync-changes route's {@code ref: needsWindow}: whether a change of the pipeline named by the
 * exchange's {@value Pipelines#PIPELINE} property goes on to its debounce window. A change the
 * pipeline's owed full resync will read from the cache stops here; at start-up that is every object
 * of the informers' first lists, which the aggregator and the batches would otherwise handle a
 * second time after the resync had sent them. A delete always goes on: should the resync be held
 * back, its replay of the cache could not name an object that is gone, which a receiver may still
 * hold from before a restart.
 */
public final class NeedsWindow implements Predicate {

  private final Pipelines pipelines;

  public NeedsWindow(Pipelines pipelines) {
    this.pipelines = pipelines;
  }

  @Override
  public boolean matches(Exchange exchange) {
    return ((ResourceChange) exchange.getMessage().getBody()).after() == null
        || pipelines.needsWindow(exchange.getProperty(Pipelines.PIPELINE, String.class));
  }
}
