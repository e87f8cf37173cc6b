package live.devopstoolkit.resourcesync.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sync's own meters, beside Camel's route metrics at {@code /observe/metrics}, each tagged with
 * the ResourceSyncConfig ({@code config="namespace/name"}): changes seen, records delivered,
 * requests failed, records pending, change-to-acknowledgement latency, types watched.
 */
public class SyncMetrics {

  private final Supplier<MeterRegistry> lookup;
  private volatile MeterRegistry registry;

  /**
   * @param lookup finds the registry Camel serves at /observe/metrics; it exists only once Camel's
   *     metrics have started, after this object is built, so it is looked up on first use
   */
  public SyncMetrics(Supplier<MeterRegistry> lookup) {
    this.lookup = lookup;
  }

  private MeterRegistry registry() {
    MeterRegistry current = registry;
    if (current == null) {
      current = lookup.get();
      registry = current != null ? current : new SimpleMeterRegistry();
    }
    return registry;
  }

  /** Registers the pipeline's gauges, and its changes counter at zero so the series exists at once. */
  public void opened(String config, Supplier<Number> pending, Supplier<Number> watchedTypes) {
    changes(config);
    Gauge.builder("resource.sync.records.pending", pending).tag("config", config)
        .description("Changed objects not yet acknowledged by the receiver").register(registry());
    Gauge.builder("resource.sync.watched.types", watchedTypes).tag("config", config)
        .description("Resource types watched").register(registry());
  }

  public void closed(String config) {
    MeterRegistry meters = registry();
    List<Meter> tagged = meters.getMeters().stream().filter(m -> config.equals(m.getId().getTag("config"))).toList();
    tagged.forEach(meters::remove);
  }

  /** Counted as each debounce window closes, so the count trails the changes by up to a window. */
  public void changesSeen(String config, int changes) {
    changes(config).increment(changes);
  }

  private Counter changes(String config) {
    return Counter.builder("resource.sync.changes").tag("config", config)
        .description("Relevant changes seen (creates, deletes, label and description changes)")
        .register(registry());
  }

  public void delivered(String config, boolean resync, int records, List<Long> latenciesMillis) {
    Counter.builder("resource.sync.records.delivered").tag("config", config).tag("resync", String.valueOf(resync))
        .description("Records acknowledged by the receiver").register(registry()).increment(records);
    Timer latency = Timer.builder("resource.sync.delivery.latency").tag("config", config)
        .description("Time from a change being seen to the receiver acknowledging it")
        .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry());
    latenciesMillis.forEach(millis -> latency.record(Duration.ofMillis(millis)));
  }

  public void requestFailed(String config) {
    Counter.builder("resource.sync.requests.failed").tag("config", config)
        .description("Sync requests that failed (each redelivery counts)").register(registry()).increment();
  }
}
