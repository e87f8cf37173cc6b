package live.devopstoolkit.resourcesync.delivery;

import java.time.Clock;
import live.devopstoolkit.resourcesync.debounce.DebounceWindows;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what is still waiting in debounce windows before the process exits. It runs when Camel
 * starts stopping, while the informers and delivery routes still run: the open windows are closed
 * (again on every poll, for changes that arrive meanwhile) and the routes get up to the flush
 * timeout to send what is due.
 */
public class ShutdownFlush extends EventNotifierSupport {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownFlush.class);

  private final CamelContext camel;
  private final Pipelines pipelines;
  private final Clock clock;
  private final long timeoutMillis;

  public ShutdownFlush(CamelContext camel, Pipelines pipelines, Clock clock, long timeoutMillis) {
    this.camel = camel;
    this.pipelines = pipelines;
    this.clock = clock;
    this.timeoutMillis = timeoutMillis;
    setIgnoreExchangeEvents(true);
  }

  @Override
  public boolean isEnabled(CamelEvent event) {
    return event instanceof CamelEvent.CamelContextStoppingEvent;
  }

  @Override
  public void notify(CamelEvent event) throws InterruptedException {
    long deadline = clock.millis() + timeoutMillis;
    DebounceWindows.closeAll(camel);
    while (pendingChanges() > 0 && clock.millis() < deadline) {
      Thread.sleep(50);
      DebounceWindows.closeAll(camel);
    }
    int left = pendingChanges();
    if (left > 0) {
      LOG.warn("event=shutdown-flush-incomplete pending={} timeoutMillis={}", left, timeoutMillis);
    } else {
      LOG.info("event=shutdown-flushed");
    }
  }

  private int pendingChanges() {
    return DebounceWindows.handingOn(camel) + pipelines.all().stream().mapToInt(Pipeline::pendingCount).sum();
  }
}
