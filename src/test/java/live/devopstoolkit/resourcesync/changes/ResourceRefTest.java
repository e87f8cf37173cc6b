package live.devopstoolkit.resourcesync.changes;

import static org.assertj.core.api.Assertions.assertThat;

import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.junit.jupiter.api.Test;

/** The written-out equals and hashCode of refs and types keep a record's meaning: every component counts. */
class ResourceRefTest {

  private static ResourceType deployments() {
    return new ResourceType("apps", "v1", "Deployment", "deployments", true);
  }

  @Test
  void refsOfTheSameObjectAreEqualAcrossInstances() {
    ResourceRef one = new ResourceRef(deployments(), "shop", "api");
    ResourceRef same = new ResourceRef(deployments(), "shop", "api");
    assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
    ResourceRef cluster = new ResourceRef(new ResourceType("", "v1", "Namespace", "namespaces", false), null, "shop");
    assertThat(cluster).isEqualTo(new ResourceRef(new ResourceType("", "v1", "Namespace", "namespaces", false),
        null, "shop"));
  }

  @Test
  void everyComponentTellsRefsApart() {
    ResourceRef ref = new ResourceRef(deployments(), "shop", "api");
    assertThat(ref)
        .isNotEqualTo(new ResourceRef(deployments(), "shop", "web"))
        .isNotEqualTo(new ResourceRef(deployments(), "billing", "api"))
        .isNotEqualTo(new ResourceRef(deployments(), null, "api"))
        .isNotEqualTo(new ResourceRef(new ResourceType("apps", "v1", "StatefulSet", "statefulsets", true), "shop", "api"))
        .isNotEqualTo(null)
        .isNotEqualTo("Deployment(shop/api)");
  }

  @Test
  void everyComponentTellsTypesApart() {
    ResourceType type = deployments();
    assertThat(type)
        .isEqualTo(deployments())
        .hasSameHashCodeAs(deployments())
        .isNotEqualTo(new ResourceType("extensions", "v1", "Deployment", "deployments", true))
        .isNotEqualTo(new ResourceType("apps", "v1beta1", "Deployment", "deployments", true))
        .isNotEqualTo(new ResourceType("apps", "v1", "StatefulSet", "deployments", true))
        .isNotEqualTo(new ResourceType("apps", "v1", "Deployment", "deploys", true))
        .isNotEqualTo(new ResourceType("apps", "v1", "Deployment", "deployments", false));
  }
}
