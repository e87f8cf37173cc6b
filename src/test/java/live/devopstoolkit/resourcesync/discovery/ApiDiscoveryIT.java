package live.devopstoolkit.resourcesync.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import org.junit.jupiter.api.Test;

/** Discovery against the real API server: two requests, and the same answer as reading each group-version. */
class ApiDiscoveryIT {

  @Test
  void aggregatedDiscoveryCostsTwoRequestsAndAgreesWithPerGroupVersionDiscovery() {
    List<String> requests = new CopyOnWriteArrayList<>();
    Interceptor counting = new Interceptor() {
      @Override
      public void before(BasicBuilder builder, HttpRequest request, Interceptor.RequestTags tags) {
        requests.add(request.uri().getPath());
      }
    };
    try (KubernetesClient client = new KubernetesClientBuilder()
        .withConfig(Config.fromKubeconfig(ControlPlane.get().kubeconfigYaml()))
        .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("counting", counting))
        .build()) {
      ApiDiscovery discovery = new ApiDiscovery(client);
      DiscoveryResult aggregated = discovery.discover();
      assertThat(requests).containsExactly("/api", "/apis");

      DiscoveryResult perGroupVersion = discovery.perGroupVersion();
      assertThat(requests.size()).isGreaterThan(10);
      assertThat(aggregated.failedGroups()).isEmpty();
      assertThat(aggregated.types()).isEqualTo(perGroupVersion.types());
      assertThat(aggregated.types()).contains(new ResourceType("apps", "v1", "Deployment", "deployments", true),
          new ResourceType("", "v1", "Namespace", "namespaces", false));
      assertThat(aggregated.types()).extracting(ResourceType::groupKind).doesNotHaveDuplicates()
          .doesNotContain("/Event", "events.k8s.io/Event", "coordination.k8s.io/Lease",
              "discovery.k8s.io/EndpointSlice");
    }
  }
}
