package live.devopstoolkit.resourcesync.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void kubernetesOwnGroupsAreTheCoreUnqualifiedAndK8sIoOnes() {
    assertThat(SearchQuery.builtInGroup("v1")).isTrue();
    assertThat(SearchQuery.builtInGroup("apps/v1")).isTrue();
    assertThat(SearchQuery.builtInGroup("networking.k8s.io/v1")).isTrue();
    assertThat(SearchQuery.builtInGroup("serving.knative.dev/v1")).isFalse();
    assertThat(SearchQuery.builtInGroup("cert-manager.io/v1")).isFalse();
  }

  @Test
  void aBuiltInKindsWeightIsNotGivenToAnOperatorsKindOfTheSameName() {
    SearchQuery q = new SearchQuery("what serverless functions do we have", Filters.NONE,
        Map.of("Service", 0.85, "Revision", 0.7), Map.of(), 1.0, Set.of("Service"), 10, Mode.HYBRID);
    assertThat(q.weight("Service", "v1", "shop", false)).isEqualTo(0.85);
    assertThat(q.weight("Service", "serving.knative.dev/v1", "shop", false)).isEqualTo(1.0);
    // kinds not marked built-in are weighed by name whatever their group
    assertThat(q.weight("Revision", "serving.knative.dev/v1", "shop", false)).isEqualTo(0.7);
  }
}
