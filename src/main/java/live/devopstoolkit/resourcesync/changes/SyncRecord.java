package live.devopstoolkit.resourcesync.changes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The protocol's {@code ResourceData}: everything the receiver learns about one object. Two records
 * are equal exactly when the receiver would hold the same thing, which is what makes equality the
 * change test ({@link ResourceChange#isRelevant()}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"namespace", "name", "kind", "apiVersion", "labels", "annotations", "createdAt", "updatedAt"})
public record SyncRecord(String namespace, String name, String kind, String apiVersion,
    Map<String, String> labels, Map<String, String> annotations, String createdAt, String updatedAt) {

  /** The namespace the protocol uses for cluster-scoped objects. */
  public static final String CLUSTER = "_cluster";

  /** The receiver's identity for the record, {@code namespace:apiVersion:kind:name}. */
  @JsonIgnore
  public String id() {
    return id(namespace, apiVersion, kind, name);
  }

  public static String id(String namespace, String apiVersion, String kind, String name) {
    return namespace + ":" + apiVersion + ":" + kind + ":" + name;
  }
}
