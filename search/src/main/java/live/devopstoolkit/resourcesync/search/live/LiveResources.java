package live.devopstoolkit.resourcesync.search.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Step 2 of the guide's query flow: the current spec and status of a found resource, read live
 * with the search server's own read-only identity. What is returned is reduced before it leaves:
 * Secret and ConfigMap values become their key names, container env values and large annotations
 * (last-applied-configuration can hold a whole Secret) are withheld, managedFields dropped, and the
 * answer is capped so one huge object cannot flood an AI client's context.
 */
public final class LiveResources {

  public static final int MAX_BYTES = 24 * 1024;
  private static final int MAX_ANNOTATION = 512;
  private static final String WITHHELD = "<withheld>";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  public LiveResources(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Reads one object by the inventory's id ({@code namespace:apiVersion:kind:name}). Throws
   * IllegalArgumentException with a message for the caller when it cannot be read.
   */
  public ObjectNode read(String id) {
    String[] parts = id == null ? new String[0] : id.split(":", 4);
    if (parts.length != 4 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
      throw new IllegalArgumentException("\"" + id + "\" is not an id of the form namespace:apiVersion:kind:name");
    }
    String namespace = parts[0];
    GenericKubernetesResource object;
    try {
      var resources = client.genericKubernetesResources(parts[1], parts[2]);
      object = "_cluster".equals(namespace) ? resources.withName(parts[3]).get()
          : resources.inNamespace(namespace).withName(parts[3]).get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403 || e.getCode() == 401) {
        throw new IllegalArgumentException("not allowed to read " + parts[2] + " " + parts[3]
            + ": the search server's service account lacks get on that kind");
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("cannot read " + parts[2] + " " + parts[3] + ": " + cause.getMessage());
    }
    if (object == null) {
      throw new IllegalArgumentException(parts[2] + " " + parts[3] + " not found"
          + ("_cluster".equals(namespace) ? "" : " in namespace " + namespace) + " (deleted since it was synced?)");
    }
    return reduce(JSON.valueToTree(object));
  }

  /** Withholds sensitive values and caps the size; public for its tests. */
  public static ObjectNode reduce(ObjectNode object) {
    String kind = object.path("kind").asText();
    ObjectNode metadata = object.path("metadata") instanceof ObjectNode m ? m : object.putObject("metadata");
    metadata.remove("managedFields");
    if (metadata.path("annotations") instanceof ObjectNode annotations) {
      List<String> withheld = new ArrayList<>();
      annotations.fieldNames().forEachRemaining(name -> {
        if (name.equals("kubectl.kubernetes.io/last-applied-configuration")
            || annotations.path(name).asText().length() > MAX_ANNOTATION) {
          withheld.add(name);
        }
      });
      withheld.forEach(name -> annotations.put(name, WITHHELD));
    }
    if (kind.equals("Secret") || kind.equals("ConfigMap")) {
      for (String field : List.of("data", "stringData", "binaryData")) {
        JsonNode values = object.remove(field);
        if (values != null && values.isObject()) {
          ArrayNode keys = object.putArray(field + "Keys");
          values.fieldNames().forEachRemaining(keys::add);
        }
      }
    }
    withholdEnv(object);
    byte[] size = toBytes(object);
    if (size.length > MAX_BYTES && object.has("spec")) {
      object.remove("spec");
      object.put("truncated", "spec omitted: the object is " + size.length + " bytes, the limit " + MAX_BYTES);
      size = toBytes(object);
    }
    if (size.length > MAX_BYTES) {
      ObjectNode small = JSON.createObjectNode();
      small.put("apiVersion", object.path("apiVersion").asText()).put("kind", kind);
      small.putObject("metadata").put("name", metadata.path("name").asText())
          .put("namespace", metadata.path("namespace").asText());
      if (object.path("status").path("conditions").isArray()) {
        small.putObject("status").set("conditions", object.path("status").path("conditions"));
      }
      small.put("truncated", "only conditions kept: the object is " + size.length + " bytes, the limit " + MAX_BYTES);
      return small;
    }
    return object;
  }

  /** Container env values anywhere in the object (pods, templates, operator CRs) are secrets as often as not. */
  private static void withholdEnv(JsonNode node) {
    if (node.isObject()) {
      JsonNode env = node.get("env");
      if (env != null && env.isArray()) {
        for (JsonNode variable : env) {
          if (variable instanceof ObjectNode v && v.has("value")) {
            v.put("value", WITHHELD);
          }
        }
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        withholdEnv(fields.next().getValue());
      }
    } else if (node.isArray()) {
      node.forEach(LiveResources::withholdEnv);
    }
  }

  private static byte[] toBytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
