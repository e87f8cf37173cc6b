package live.devopstoolkit.resourcesync.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import org.junit.jupiter.api.Test;

class OperatorWorkloadTest {

  private static Resource workload(String kind, String name, Map<String, String> labels) {
    return new Resource("ns", name, kind, "apps/v1", labels, Map.of(), null, null);
  }

  @Test
  void anOperatorsProgramIsKnownByItsNameOrComponent() {
    assertThat(OperatorWorkload.is(workload("Deployment", "percona-xtradb-cluster-operator", Map.of()))).isTrue();
    assertThat(OperatorWorkload.is(workload("Deployment", "cnpg-controller-manager", Map.of()))).isTrue();
    assertThat(OperatorWorkload.is(workload("Deployment", "kps-operator",
        Map.of("app.kubernetes.io/component", "prometheus-operator")))).isTrue();
    assertThat(OperatorWorkload.is(workload("Deployment", "cert-manager-webhook",
        Map.of("app.kubernetes.io/component", "webhook")))).isTrue();
  }

  @Test
  void productsNamedControllerAndApplicationsReceivingWebhooksAreNot() {
    assertThat(OperatorWorkload.is(workload("Deployment", "ingress-nginx-controller",
        Map.of("app.kubernetes.io/component", "controller")))).isFalse();
    assertThat(OperatorWorkload.is(workload("StatefulSet", "events-kafka-controller", Map.of()))).isFalse();
    assertThat(OperatorWorkload.is(workload("Deployment", "stripe-webhooks",
        Map.of("app.kubernetes.io/component", "webhook-receiver")))).isFalse();
  }

  @Test
  void onlyWorkloadsAreOperatorsPrograms() {
    assertThat(OperatorWorkload.is(new Resource("ns", "strimzi-cluster-operator", "ServiceAccount", "v1", Map.of(),
        Map.of(), null, null))).isFalse();
  }
}
