package live.devopstoolkit.resourcesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a receiver's records with the cluster, reporting only the differences. Every field must
 * be equal except updatedAt, which the controller keeps from the last synced change while the
 * API server's managedFields also move with edits that are not synced (spec, other annotations):
 * the receiver's value must be one the object really had, between its creation and now.
 */
public final class Records {

  private Records() {
  }

  public static void assertReceiverMatchesCluster(ProtocolReceiver receiver, KubernetesClient client) {
    assertSame(receiver.records(), ClusterState.expectedRecords(client));
  }

  private static JsonNode withoutUpdatedAt(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    copy.remove("updatedAt");
    return copy;
  }

  private static boolean updatedAtPlausible(JsonNode got, JsonNode expected) {
    Instant updated = Instant.parse(got.path("updatedAt").asText());
    return !updated.isBefore(Instant.parse(got.path("createdAt").asText()))
        && !updated.isAfter(Instant.parse(expected.path("updatedAt").asText()));
  }

  public static void assertSame(Map<String, JsonNode> actual, Map<String, JsonNode> expected) {
    List<String> differences = new ArrayList<>();
    expected.forEach((id, record) -> {
      JsonNode got = actual.get(id);
      if (got == null) {
        differences.add("missing " + id);
      } else if (!Objects.equals(withoutUpdatedAt(got), withoutUpdatedAt(record)) || !updatedAtPlausible(got, record)) {
        differences.add("differs " + id + ": expected " + record + " but was " + got);
      }
    });
    actual.keySet().stream().filter(id -> !expected.containsKey(id)).forEach(id -> differences.add("extra " + id));
    assertThat(differences).as("receiver records vs cluster objects (%d expected, %d held)", expected.size(),
        actual.size()).isEmpty();
  }
}
