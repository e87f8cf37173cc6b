package live.devopstoolkit.resourcesync.debounce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

class DebounceWindowsTest extends CamelTestSupport {

  static final ResourceType CONFIG_MAP = new ResourceType("", "v1", "ConfigMap", "configmaps", true);

  @Override
  protected RouteBuilder createRouteBuilder() {
    return new RouteBuilder() {
      @Override
      public void configure() {
        from("direct:changes").routeId("sync-changes-a")
            .aggregate(constant("a"), new ChangedRefsAggregation(Clock.systemUTC()))
            .completionTimeout(3_600_000).id("sync-changes-a-" + DebounceWindows.NODE_ID)
            .to("mock:due");
        from("direct:other").routeId("other")
            .aggregate(constant("b"), new ChangedRefsAggregation(Clock.systemUTC()))
            .completionTimeout(3_600_000).id("batch")
            .to("mock:other");
      }
    };
  }

  @Test
  void closingSendsEveryOpenWindowOnAtOnceAndLeavesOtherAggregatorsAlone() throws Exception {
    MockEndpoint due = getMockEndpoint("mock:due");
    MockEndpoint other = getMockEndpoint("mock:other");
    template.sendBody("direct:changes", ref("x"));
    template.sendBody("direct:changes", ref("y"));
    template.sendBody("direct:other", ref("z"));
    assertThat(due.getReceivedCounter()).as("the window is open for an hour").isZero();
    assertThat(DebounceWindows.waiting(context, "a")).isEqualTo(2);
    assertThat(DebounceWindows.waiting(context, "b")).as("not a debounce step").isZero();

    assertThat(DebounceWindows.closeAll(context)).isOne();

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(due.getReceivedCounter()).isOne();
      assertThat(DebounceWindows.handingOn(context)).isZero();
    });
    ChangedRefs window = due.getReceivedExchanges().get(0).getMessage().getBody(ChangedRefs.class);
    assertThat(window.firstSeen().keySet()).containsExactly(ref("x"), ref("y"));
    assertThat(other.getReceivedCounter()).isZero();
    assertThat(DebounceWindows.closeAll(context)).as("nothing left open").isZero();
    assertThat(DebounceWindows.waiting(context, "a")).isZero();
  }

  static ResourceRef ref(String name) {
    return new ResourceRef(CONFIG_MAP, "ns", name);
  }
}
