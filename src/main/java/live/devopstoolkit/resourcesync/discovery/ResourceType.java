package live.devopstoolkit.resourcesync.discovery;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

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

  @Override
  public String toString() {
    return kind + "." + apiVersion();
  }
}
