package live.devopstoolkit.resourcesync.resourcesyncconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class ReconcileRetriesTest {

  final ReconcileRetries retries = new ReconcileRetries(1_000, 5_000);

  @Test
  void failuresInARowDoubleTheDelayUpToTheMaximum() {
    assertThat(retries.failed("ns/a", config(1), 0)).isEqualTo(1_000);
    assertThat(retries.failed("ns/a", config(1), 0)).isEqualTo(2_000);
    assertThat(retries.failed("ns/a", config(1), 0)).isEqualTo(4_000);
    assertThat(retries.failed("ns/a", config(1), 0)).isEqualTo(5_000);
    assertThat(retries.attempts("ns/a")).isEqualTo(4);
  }

  @Test
  void theLatestStateIsRetriedOnceItsDelayIsOverUntilItSucceeds() {
    retries.failed("ns/a", config(1), 0);
    retries.failed("ns/a", config(2), 10);
    assertThat(retries.due(1_000)).isEmpty();
    assertThat(retries.due(2_010)).extracting(c -> c.getMetadata().getGeneration()).containsExactly(2L);
    assertThat(retries.due(2_010)).hasSize(1);
    retries.succeeded("ns/a");
    assertThat(retries.due(1_000_000)).isEmpty();
    assertThat(retries.failed("ns/a", config(3), 0)).isEqualTo(1_000);
  }

  static GenericKubernetesResource config(long generation) {
    GenericKubernetesResource config = new GenericKubernetesResource();
    config.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("a").withGeneration(generation).build());
    return config;
  }
}
