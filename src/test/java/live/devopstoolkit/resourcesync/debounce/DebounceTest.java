package live.devopstoolkit.resourcesync.debounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class DebounceTest {

  static final ResourceType CONFIG_MAP = new ResourceType("", "v1", "ConfigMap", "configmaps", true);
  final CamelContext camel = new DefaultCamelContext();
  final MutableClock clock = new MutableClock();

  @Test
  void aWindowCollectsEachObjectOnce() {
    ChangedRefsAggregation aggregation = new ChangedRefsAggregation(clock);
    Exchange group = aggregation.aggregate(null, change("a"));
    group = aggregation.aggregate(group, change("b"));
    group = aggregation.aggregate(group, change("a"));
    ChangedRefs refs = group.getMessage().getBody(ChangedRefs.class);
    assertThat(refs.firstSeen().keySet()).extracting(ResourceRef::name).containsExactly("a", "b");
    assertThat(refs.changes()).isEqualTo(3);
  }

  @Test
  void aGroupCompletesOnceItsOldestChangeWaitedAWindowEvenUnderChurn() {
    ChangedRefsAggregation aggregation = new ChangedRefsAggregation(clock);
    BoundedStaleness staleness = new BoundedStaleness(clock, 500);
    Exchange group = aggregation.aggregate(null, change("first"));
    group.setProperty(BoundedStaleness.WINDOW_MILLIS, 10_000L);
    for (int second = 1; second < 10; second++) {
      clock.now = clock.now.plusSeconds(1);
      group = aggregation.aggregate(group, change("churn-" + second));
      assertThat(staleness.isComplete(group)).as("after %d s", second).isFalse();
    }
    clock.now = clock.now.plusSeconds(1);
    group = aggregation.aggregate(group, change("churn-10"));
    assertThat(staleness.isComplete(group)).isTrue();
  }

  @Test
  void aFullBatchCompletesAtOnce() {
    ChangedRefsAggregation aggregation = new ChangedRefsAggregation(clock);
    BoundedStaleness staleness = new BoundedStaleness(clock, 3);
    Exchange group = aggregation.aggregate(null, change("a"));
    group.setProperty(BoundedStaleness.WINDOW_MILLIS, 10_000L);
    group = aggregation.aggregate(group, change("b"));
    assertThat(staleness.isComplete(group)).isFalse();
    group = aggregation.aggregate(group, change("c"));
    assertThat(staleness.isComplete(group)).isTrue();
  }

  Exchange change(String name) {
    Exchange exchange = new DefaultExchange(camel);
    exchange.getMessage().setBody(new ResourceRef(CONFIG_MAP, "ns", name));
    return exchange;
  }

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
