package live.devopstoolkit.resourcesync.discovery;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Objects;

/**
 * One API resource at the most preferred version that serves its kind. Records on the receiver are
 * keyed by apiVersion, so a kind is only ever watched under this one version.
 */
public record ResourceType(String group, String version, String kind, String plural, boolean namespaced) {

  /** {@code group/kind}: the same kind under another version is the same objects. */
  public String groupKind() {
    return group + "/" + kind;
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code plural.group}, the name kubectl and CRDs use, e.g. {@code deployments.apps}. */
  public String resourceName() {
    return group.isEmpty() ? plural : plural + "." + group;
  }

  public ResourceDefinitionContext definitionContext() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group).withVersion(version).withKind(kind).withPlural(plural).withNamespaced(namespaced)
        .build();
  }

  /**
   * Written out rather than generated: a record's own equals and hashCode run through method
   * handles, which C1, the controller's only compiler (config/jvm.options), does not inline; with
   * {@link live.devopstoolkit.resourcesync.changes.ResourceRef}'s they were 4% of a change's CPU
   * under churn (bench/PROFILE.md). Types come from discovery, so most comparisons are of one
   * instance with itself.
   */
  @Override
  public boolean equals(Object other) {
    return this == other || other instanceof ResourceType t && namespaced == t.namespaced
        && Objects.equals(kind, t.kind) && Objects.equals(group, t.group) && Objects.equals(version, t.version)
        && Objects.equals(plural, t.plural);
  }

  @Override
  public int hashCode() {
    return (Objects.hashCode(group) * 31 + Objects.hashCode(kind)) * 31 + Objects.hashCode(version);
  }

  @Override
  public String toString() {
    return kind + "." + apiVersion();
  }
}
