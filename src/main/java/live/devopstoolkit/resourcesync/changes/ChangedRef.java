package live.devopstoolkit.resourcesync.changes;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * The sync-changes route's {@code ref: changedRef}: the {@link ResourceRef} of an informer event's
 * {@link ResourceChange}, which is what a debounce window collects. Called directly, in place of
 * the {@code simple} expression {@code ${body.ref}}, which introspected the body on every event.
 */
public final class ChangedRef implements Expression {

  @Override
  public <T> T evaluate(Exchange exchange, Class<T> type) {
    ResourceRef ref = ((ResourceChange) exchange.getMessage().getBody()).ref();
    return type.isInstance(ref) ? type.cast(ref)
        : exchange.getContext().getTypeConverter().convertTo(type, exchange, ref);
  }
}
