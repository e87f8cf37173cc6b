package live.devopstoolkit.resourcesync.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;

/**
 * The sync-changes route's {@code ref: debounceWindow}: the debounce window, in milliseconds, of the
 * pipeline named by the exchange's {@value Pipelines#PIPELINE} property, from its config's current
 * spec. A direct call per event, where the bean call it replaces bound its parameter by reflection.
 */
public final class DebounceWindow implements Expression {

  private final Pipelines pipelines;

  public DebounceWindow(Pipelines pipelines) {
    this.pipelines = pipelines;
  }

  @Override
  public <T> T evaluate(Exchange exchange, Class<T> type) {
    Long millis = pipelines.debounceMillis(exchange.getProperty(Pipelines.PIPELINE, String.class));
    return type.isInstance(millis) ? type.cast(millis)
        : exchange.getContext().getTypeConverter().convertTo(type, exchange, millis);
  }
}
