package live.devopstoolkit.resourcesync.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDiscoveryTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void listableWatchableTopLevelResourcesAreSynced() {
    assertThat(ApiDiscovery.isSyncable("apps", "deployments", List.of("list", "watch", "get"))).isTrue();
  }

  @Test
  void subresourcesAndUnwatchableTypesAreNot() {
    assertThat(ApiDiscovery.isSyncable("apps", "deployments/status", List.of("get", "list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("authorization.k8s.io", "selfsubjectaccessreviews", List.of("create")))
        .isFalse();
    assertThat(ApiDiscovery.isSyncable("", "bindings", List.of("create"))).isFalse();
  }

  @Test
  void theHighVolumeTypesOfTheGuideAreNot() {
    assertThat(ApiDiscovery.isSyncable("", "events", List.of("list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("events.k8s.io", "events", List.of("list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("coordination.k8s.io", "leases", List.of("list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("discovery.k8s.io", "endpointslices", List.of("list", "watch"))).isFalse();
    assertThat(ApiDiscovery.isSyncable("example.com", "events", List.of("list", "watch"))).isTrue();
  }

  @Test
  void typesNameTheirApiVersionAndResource() {
    ResourceType core = new ResourceType("", "v1", "ConfigMap", "configmaps", true);
    ResourceType apps = new ResourceType("apps", "v1", "Deployment", "deployments", true);
    assertThat(core.apiVersion()).isEqualTo("v1");
    assertThat(core.resourceName()).isEqualTo("configmaps");
    assertThat(apps.apiVersion()).isEqualTo("apps/v1");
    assertThat(apps.resourceName()).isEqualTo("deployments.apps");
    assertThat(apps.groupKind()).isEqualTo("apps/Deployment");
  }

  @Test
  void everyKindOfEveryVersionOnceUnderTheMostPreferredVersionThatServesIt() throws Exception {
    JsonNode apis = JSON.readTree("""
        {"kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "items": [
          {"metadata": {"name": "monitoring.coreos.com"}, "versions": [
            {"version": "v1", "resources": [
              %s, %s]},
            {"version": "v1alpha1", "resources": [
              %s, %s]}]},
          {"metadata": {"name": "coordination.k8s.io"}, "versions": [
            {"version": "v1", "resources": [%s]}]}]}
        """.formatted(
        resource("alertmanagers", "Alertmanager", "Namespaced", "list", "watch"),
        resource("tokenreviews", "TokenReview", "Cluster", "create"),
        resource("alertmanagers", "Alertmanager", "Namespaced", "list", "watch"),
        resource("alertmanagerconfigs", "AlertmanagerConfig", "Namespaced", "list", "watch"),
        resource("leases", "Lease", "Namespaced", "list", "watch")));
    JsonNode api = JSON.readTree("""
        {"kind": "APIGroupDiscoveryList", "items": [{"metadata": {}, "versions": [{"version": "v1", "resources": [
          %s, %s]}]}]}
        """.formatted(resource("configmaps", "ConfigMap", "Namespaced", "get", "list", "watch"),
        resource("namespaces", "Namespace", "Cluster", "get", "list", "watch")));

    DiscoveryResult result = ApiDiscovery.fromAggregated(List.of(api, apis));

    assertThat(result.types()).containsExactlyInAnyOrder(
        new ResourceType("", "v1", "ConfigMap", "configmaps", true),
        new ResourceType("", "v1", "Namespace", "namespaces", false),
        new ResourceType("monitoring.coreos.com", "v1", "Alertmanager", "alertmanagers", true),
        new ResourceType("monitoring.coreos.com", "v1alpha1", "AlertmanagerConfig", "alertmanagerconfigs", true));
    assertThat(result.failedGroups()).isEmpty();
  }

  @Test
  void aStaleVersionFailsItsGroupSoItsWatchesAreKept() throws Exception {
    JsonNode apis = JSON.readTree("""
        {"items": [{"metadata": {"name": "metrics.k8s.io"}, "versions": [
          {"version": "v1beta1", "freshness": "Stale"}]}]}
        """);
    DiscoveryResult result = ApiDiscovery.fromAggregated(List.of(apis));
    assertThat(result.types()).isEmpty();
    assertThat(result.failedGroups()).containsOnlyKeys("metrics.k8s.io");
  }

  @Test
  void withoutAggregatedDiscoveryThePreferredVersionIsReadFirst() {
    List<GroupVersionForDiscovery> versions = ApiDiscovery.versionsByPreference(new APIGroupBuilder()
        .withName("example.com")
        .addNewVersion("example.com/v1beta1", "v1beta1")
        .addNewVersion("example.com/v1", "v1")
        .withNewPreferredVersion("example.com/v1", "v1")
        .build());
    assertThat(versions).extracting(GroupVersionForDiscovery::getVersion).containsExactly("v1", "v1beta1");
  }

  static String resource(String plural, String kind, String scope, String... verbs) {
    return """
        {"resource": "%s", "responseKind": {"group": "", "version": "", "kind": "%s"}, "scope": "%s",
         "verbs": %s, "subresources": [{"subresource": "status", "verbs": ["get", "patch"]}]}
        """.formatted(plural, kind, scope, JSON.valueToTree(List.of(verbs)));
  }
}
