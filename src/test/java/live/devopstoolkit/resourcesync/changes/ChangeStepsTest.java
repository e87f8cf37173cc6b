package live.devopstoolkit.resourcesync.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The per-event steps of the sync-changes route that read an informer event's change. */
class ChangeStepsTest {

  @Test
  void theFilterKeepsWhatTheReceiverWouldSee() {
    assertThat(new RelevantChange().matches(event(new ResourceChange(ResourceChangeTest.REF, null,
        ResourceChangeTest.RECORD)))).isTrue();
    assertThat(new RelevantChange().matches(event(new ResourceChange(ResourceChangeTest.REF, ResourceChangeTest.RECORD,
        ResourceChangeTest.RECORD)))).isFalse();
  }

  @Test
  void theBodyBecomesTheChangedObjectsRef() {
    Exchange event = event(new ResourceChange(ResourceChangeTest.REF, ResourceChangeTest.RECORD, null));
    assertThat(new ChangedRef().evaluate(event, ResourceRef.class)).isEqualTo(ResourceChangeTest.REF);
    assertThat(new ChangedRef().evaluate(event, Object.class)).isSameAs(ResourceChangeTest.REF);
  }

  static Exchange event(ResourceChange change) {
    Exchange exchange = new DefaultExchange(new DefaultCamelContext());
    exchange.getMessage().setBody(change);
    return exchange;
  }
}
