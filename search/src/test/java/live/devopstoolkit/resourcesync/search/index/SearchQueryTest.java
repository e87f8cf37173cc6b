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

  @Test
  void anAskedApiGroupsWeightStandsInForTheKindsAndTheOperatorsOfItsObjects() {
    SearchQuery q = new SearchQuery("what postgresql.cnpg.io objects exist", Filters.NONE,
        Map.of("ScheduledBackup", 0.7, "CustomResourceDefinition", 0.4), Map.of("shop-stage", 0.8), 0.7, Set.of(),
        10, Mode.HYBRID, Map.of("postgresql.cnpg.io", 1.25));
    assertThat(q.weight("ScheduledBackup", "postgresql.cnpg.io/v1", "shop", false)).isEqualTo(1.25);
    assertThat(q.weight("Cluster", "postgresql.cnpg.io/v1", "shop-stage", false)).isEqualTo(1.25 * 0.8);
    assertThat(q.weight("CustomResourceDefinition", "apiextensions.k8s.io/v1", "_cluster", false)).isEqualTo(0.4);
    assertThat(q.weight("Deployment", "apps/v1", "cnpg-system", true)).isEqualTo(0.7);
    assertThat(q.maxWeight()).isEqualTo(1.25);
  }
}
