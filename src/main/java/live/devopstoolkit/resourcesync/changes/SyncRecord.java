package live.devopstoolkit.resourcesync.changes;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;

/**
 * The protocol's {@code ResourceData}: everything the receiver learns about one object. The change
 * test ({@link ResourceChange#isRelevant()}) is {@link #sameContentAs}: the fields that describe the
 * object, not {@code updatedAt}, which follows from them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"namespace", "name", "kind", "apiVersion", "labels", "annotations", "createdAt", "updatedAt"})
public record SyncRecord(String namespace, String name, String kind, String apiVersion,
    Map<String, String> labels, Map<String, String> annotations, String createdAt, String updatedAt) {

  /** The namespace the protocol uses for cluster-scoped objects. */
  public static final String CLUSTER = "_cluster";

  /** True when only {@code updatedAt} may differ: nothing a search would find has changed. */
  public boolean sameContentAs(SyncRecord other) {
    return other != null && Objects.equals(namespace, other.namespace) && Objects.equals(name, other.name)
        && Objects.equals(kind, other.kind) && Objects.equals(apiVersion, other.apiVersion)
        && Objects.equals(labels, other.labels) && Objects.equals(annotations, other.annotations)
        && Objects.equals(createdAt, other.createdAt);
  }

  /** The receiver's identity for the record, {@code namespace:apiVersion:kind:name}. */
  @JsonIgnore
  public String id() {
    return id(namespace, apiVersion, kind, name);
  }

  public static String id(String namespace, String apiVersion, String kind, String name) {
    return namespace + ":" + apiVersion + ":" + kind + ":" + name;
  }
}
