package live.devopstoolkit.resourcesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares a receiver's records with the cluster, reporting only the differences. */
public final class Records {

  private Records() {
  }

  public static void assertReceiverMatchesCluster(ProtocolReceiver receiver, KubernetesClient client) {
    assertSame(receiver.records(), ClusterState.expectedRecords(client));
  }

  public static void assertSame(Map<String, JsonNode> actual, Map<String, JsonNode> expected) {
    List<String> differences = new ArrayList<>();
    expected.forEach((id, record) -> {
      JsonNode got = actual.get(id);
      if (got == null) {
        differences.add("missing " + id);
      } else if (!Objects.equals(got, record)) {
        differences.add("differs " + id + ": expected " + record + " but was " + got);
      }
    });
    actual.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(id -> differences.add("extra " + id));
    assertThat(differences).as("receiver records vs cluster objects (%d expected, %d held)", expected.size(),
        actual.size()).isEmpty();
  }
}
