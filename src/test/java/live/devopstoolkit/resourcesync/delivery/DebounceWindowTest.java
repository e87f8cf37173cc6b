package live.devopstoolkit.resourcesync.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import live.devopstoolkit.resourcesync.informer.InformerRegistry;
import live.devopstoolkit.resourcesync.status.SyncMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class DebounceWindowTest {

  @Test
  void isThePipelinesCurrentWindowInMillis() {
    Pipelines pipelines = new Pipelines(new InformerRegistry(null, 500), Clock.systemUTC(),
        new BatchLimits(500, 1 << 19), new BackoffPolicy(1, 1), 3, new SyncMetrics(SimpleMeterRegistry::new), key -> 0);
    pipelines.open(PipelineTest.TARGET);
    Exchange event = new DefaultExchange(new DefaultCamelContext());
    event.setProperty(Pipelines.PIPELINE, PipelineTest.TARGET.key());
    assertThat(new DebounceWindow(pipelines).evaluate(event, Long.class))
        .isEqualTo(PipelineTest.TARGET.debounceWindowSeconds() * 1000L);
    assertThat(new DebounceWindow(pipelines).evaluate(event, String.class))
        .isEqualTo(String.valueOf(PipelineTest.TARGET.debounceWindowSeconds() * 1000L));
  }
}
