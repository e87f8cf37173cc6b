package live.devopstoolkit.resourcesync.changes;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The sync-changes route's filter, {@code ref: relevantChange}: whether an informer event's
 * {@link ResourceChange} is one the receiver would see. A predicate the route calls directly; the
 * {@code simple} expression {@code ${body.isRelevant()}} it replaces introspected the body's class
 * on every event (bench/PROFILE.md).
 */
public final class RelevantChange implements Predicate {

  @Override
  public boolean matches(Exchange exchange) {
    return ((ResourceChange) exchange.getMessage().getBody()).isRelevant();
  }
}
