package live.devopstoolkit.resourcesync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.TreeMap;
import live.devopstoolkit.resourcesync.changes.SyncRecord;
import live.devopstoolkit.resourcesync.changes.SyncRecords;
import live.devopstoolkit.resourcesync.discovery.ApiDiscovery;
import live.devopstoolkit.resourcesync.discovery.ResourceType;

/**
 * What a receiver should hold for the cluster right now: every object of every syncable type,
 * listed afresh from the API server (not from the controller's caches) and mapped to its record.
 */
public final class ClusterState {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterState() {
  }

  public static Map<String, JsonNode> expectedRecords(KubernetesClient client) {
    Map<String, JsonNode> expected = new TreeMap<>();
    for (ResourceType type : new ApiDiscovery(client).discover().types()) {
      for (GenericKubernetesResource object : client.genericKubernetesResources(type.definitionContext())
          .inAnyNamespace().list().getItems()) {
        SyncRecord record = SyncRecords.of(type, object);
        expected.put(record.id(), JSON.valueToTree(record));
      }
    }
    return expected;
  }
}
