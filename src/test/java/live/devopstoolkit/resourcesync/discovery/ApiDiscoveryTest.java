package live.devopstoolkit.resourcesync.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDiscoveryTest {

  @Test
  void listableWatchableTopLevelResourcesAreSynced() {
    assertThat(ApiDiscovery.isSyncable("apps", resource("deployments", "list", "watch", "get"))).isTrue();
  }

  @Test
  void subresourcesAndUnwatchableTypesAreNot() {
    assertThat(ApiDiscovery.isSyncable("apps", resource("deployments/status", "get", "list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("authorization.k8s.io", resource("selfsubjectaccessreviews", "create")))
        .isFalse();
    assertThat(ApiDiscovery.isSyncable("", resource("bindings", "create"))).isFalse();
  }

  @Test
  void theHighVolumeTypesOfTheGuideAreNot() {
    assertThat(ApiDiscovery.isSyncable("", resource("events", "list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("events.k8s.io", resource("events", "list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("coordination.k8s.io", resource("leases", "list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("discovery.k8s.io", resource("endpointslices", "list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("example.com", resource("events", "list", "watch"))).isTrue();
  }

  @Test
  void typesNameTheirApiVersionAndResource() {
    ResourceType core = new ResourceType("", "v1", "ConfigMap", "configmaps", true);
    ResourceType apps = new ResourceType("apps", "v1", "Deployment", "deployments", true);
    assertThat(core.apiVersion()).isEqualTo("v1");
    assertThat(core.resourceName()).isEqualTo("configmaps");
    assertThat(apps.apiVersion()).isEqualTo("apps/v1");
    assertThat(apps.resourceName()).isEqualTo("deployments.apps");
  }

  static APIResource resource(String name, String... verbs) {
    return new APIResourceBuilder().withName(name).withKind("Kind").withNamespaced(true).withVerbs(List.of(verbs))
        .build();
  }
}
