package live.devopstoolkit.resourcesync.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import org.junit.jupiter.api.Test;

class ResourceTextTest {

  private static Resource record(String kind, String apiVersion, String name, Map<String, String> labels,
      Map<String, String> annotations) {
    return new Resource("data", name, kind, apiVersion, labels, annotations, null, null);
  }

  @Test
  void anOperatorsDomainOnLabelKeysNamesTheProduct() {
    Resource sts = record("StatefulSet", "apps/v1", "chi-telemetry-main-0-0",
        Map.of("clickhouse.altinity.com/chi", "telemetry"), Map.of());
    assertThat(ResourceText.forEmbedding(sts)).endsWith("analytics database");
    Resource tls = record("Secret", "v1", "api-cert", Map.of(),
        Map.of("cert-manager.io/issuer-name", "letsencrypt-prod"));
    assertThat(ResourceText.forEmbedding(tls)).contains("certificates security");
  }

  @Test
  void productNamesSplitAcrossTwoWordsAreFound() {
    Resource ds = record("DaemonSet", "apps/v1", "fluent-bit", Map.of(), Map.of());
    assertThat(ResourceText.forEmbedding(ds)).endsWith("logging");
  }

  @Test
  void aFamilysMembersNameTheFamily() {
    Resource pg = record("postgresql", "acid.zalan.do/v1", "billing-ledger", Map.of(), Map.of());
    assertThat(ResourceText.forEmbedding(pg)).isEqualTo(
        "postgresql billing ledger in namespace data, group acid zalan. postgres database");
    Resource sts = record("StatefulSet", "apps/v1", "billing-ledger", Map.of("application", "spilo"), Map.of());
    assertThat(ResourceText.forEmbedding(sts)).endsWith("postgres database");
  }

  @Test
  void aMajorVersionRunIntoAProductsNameStillNamesTheProduct() {
    Resource sts = record("StatefulSet", "apps/v1", "scada-historian-influxdb2", Map.of(), Map.of());
    assertThat(ResourceText.forEmbedding(sts)).endsWith("time series database");
    Resource v2 = record("ConfigMap", "v1", "api-v2-settings", Map.of(), Map.of());
    assertThat(ResourceText.forEmbedding(v2)).doesNotContain("database");
  }

  @Test
  void aCloudServiceNamedOnlyByItsGroupIsWhatThatServiceIs() {
    Resource server = record("FlexibleServer", "dbforpostgresql.azure.com/v1api20221201", "psql-orders", Map.of(),
        Map.of());
    assertThat(ResourceText.forEmbedding(server)).endsWith("postgres database");
    Resource queue = record("NamespacesQueue", "servicebus.azure.com/v1api20211101", "instructions", Map.of(),
        Map.of());
    assertThat(ResourceText.forEmbedding(queue)).endsWith("message queue broker");
  }

  @Test
  void whoInstalledAThingIsNotWhatItIsButAnOperatorManagingItIs() {
    Resource app = record("Deployment", "apps/v1", "invoice-generator",
        Map.of("app.kubernetes.io/managed-by", "argocd"), Map.of());
    assertThat(ResourceText.forEmbedding(app)).doesNotContain("continuous delivery");
    Resource mongo = record("StatefulSet", "apps/v1", "fleet-rs0",
        Map.of("app.kubernetes.io/managed-by", "percona-server-mongodb-operator"), Map.of());
    assertThat(ResourceText.forEmbedding(mongo)).contains("mongodb database");
  }

  @Test
  void kubernetesOwnGroupsThatTheKindSaysAreNotEmbeddedButOperatorsGroupsAre() {
    Resource deployment = record("Deployment", "apps/v1", "checkout", Map.of(), Map.of());
    assertThat(ResourceText.forEmbedding(deployment)).isEqualTo(
        "deployment checkout (application workload) in namespace data");
    Resource cluster = record("Cluster", "postgresql.cnpg.io/v1", "orders", Map.of(), Map.of());
    assertThat(ResourceText.forEmbedding(cluster)).contains(", group postgresql cnpg");
  }

  @Test
  void groupsLoseDomainEndingsAndTheWordOperator() {
    assertThat(ResourceText.groupWords("operator.victoriametrics.com")).isEqualTo("victoriametrics");
    assertThat(ResourceText.groupWords("elasticsearch.k8s.elastic.co")).isEqualTo("elasticsearch elastic");
    assertThat(ResourceText.groupWords("apps")).isEqualTo("apps");
  }
}
