package live.devopstoolkit.resourcesync.search.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One synced record, exactly the protocol's {@code ResourceData}. Labels and annotations are kept
 * sorted so that equal content always serialises, and therefore hashes, the same.
 */
public record Resource(String namespace, String name, String kind, String apiVersion,
    Map<String, String> labels, Map<String, String> annotations, String createdAt, String updatedAt) {

  public static final String CLUSTER_SCOPE = "_cluster";
  private static final ObjectMapper JSON = new ObjectMapper();

  public Resource {
    labels = labels == null ? Map.of() : new TreeMap<>(labels);
    annotations = annotations == null ? Map.of() : new TreeMap<>(annotations);
  }

  /** The receiver's identity of a record: {@code namespace:apiVersion:kind:name}. */
  public String id() {
    return id(namespace, apiVersion, kind, name);
  }

  public static String id(String namespace, String apiVersion, String kind, String name) {
    return namespace + ":" + apiVersion + ":" + kind + ":" + name;
  }

  /** The API group, empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public boolean clusterScoped() {
    return CLUSTER_SCOPE.equals(namespace);
  }

  public static Resource fromJson(JsonNode node) {
    return new Resource(node.path("namespace").asText(""), node.path("name").asText(""),
        node.path("kind").asText(""), node.path("apiVersion").asText(""), strings(node.path("labels")),
        strings(node.path("annotations")), textOrNull(node.path("createdAt")), textOrNull(node.path("updatedAt")));
  }

  public ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("namespace", namespace).put("name", name).put("kind", kind).put("apiVersion", apiVersion);
    if (!labels.isEmpty()) {
      ObjectNode l = node.putObject("labels");
      labels.forEach(l::put);
    }
    if (!annotations.isEmpty()) {
      ObjectNode a = node.putObject("annotations");
      annotations.forEach(a::put);
    }
    if (createdAt != null) {
      node.put("createdAt", createdAt);
    }
    if (updatedAt != null) {
      node.put("updatedAt", updatedAt);
    }
    return node;
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new TreeMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }
}
