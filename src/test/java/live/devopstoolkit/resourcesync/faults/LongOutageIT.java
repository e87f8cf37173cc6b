package live.devopstoolkit.resourcesync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.SyncFixture;
import org.junit.jupiter.api.Test;

/** The receiver down for two minutes while objects keep changing, then back: nothing is lost. */
class LongOutageIT {

  @Test
  void aTwoMinuteReceiverOutageDuringChurnEndsWithTheReceiverEqualToTheCluster() throws Exception {
    try (SyncFixture fixture = new SyncFixture("long-outage-it", "outage", 2)) {
      fixture.awaitReceiverMatchesCluster(Duration.ofSeconds(180));
      AtomicInteger changes = new AtomicInteger();
      ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
      churn.scheduleAtFixedRate(() -> {
        int i = changes.getAndIncrement();
        String name = "churn-" + (i % 50);
        if (i % 9 == 0) {
          fixture.client.configMaps().inNamespace(fixture.namespace).withName(name).delete();
        } else {
          fixture.client.configMaps().inNamespace(fixture.namespace).resource(new ConfigMapBuilder().withNewMetadata()
              .withName(name).addToLabels("change", "c" + i).endMetadata().build()).serverSideApply();
        }
      }, 0, 100, TimeUnit.MILLISECONDS);
      try {
        fixture.receiver.stop();
        long down = System.nanoTime();
        await().atMost(Duration.ofSeconds(180)).until(() ->
            "EndpointUnreachable".equals(Configs.readyReason(fixture.client, fixture.namespace, fixture.config)));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
            .until(() -> System.nanoTime() - down >= Duration.ofMinutes(2).toNanos());
        fixture.receiver.restart();
        await().atMost(Duration.ofSeconds(180)).until(() -> changes.get() > 1_200);
      } finally {
        churn.shutdown();
        churn.awaitTermination(120, TimeUnit.SECONDS);
      }
      fixture.awaitReceiverMatchesCluster(Duration.ofSeconds(300));
      assertThat(Configs.status(fixture.client, fixture.namespace, fixture.config).getSyncErrors()).isPositive();
    }
  }
}
