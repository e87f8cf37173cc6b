package live.devopstoolkit.resourcesync.delivery;

import java.time.Clock;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what is still waiting in debounce windows before the process exits. It runs when Camel
 * starts stopping, while the delivery routes still run: every waiting change is made due and the
 * routes get up to the flush timeout to send them.
 */
public class ShutdownFlush extends EventNotifierSupport {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownFlush.class);

  private final Pipelines pipelines;
  private final Clock clock;
  private final long timeoutMillis;

  public ShutdownFlush(Pipelines pipelines, Clock clock, long timeoutMillis) {
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
    pipelines.all().forEach(Pipeline::allDue);
    long deadline = clock.millis() + timeoutMillis;
    while (pendingChanges() > 0 && clock.millis() < deadline) {
      Thread.sleep(50);
    }
    int left = pendingChanges();
    if (left > 0) {
      LOG.warn("event=shutdown-flush-incomplete pending={} timeoutMillis={}", left, timeoutMillis);
    } else {
      LOG.info("event=shutdown-flushed");
    }
  }

  private int pendingChanges() {
    return pipelines.all().stream().mapToInt(Pipeline::pendingCount).sum();
  }
}
