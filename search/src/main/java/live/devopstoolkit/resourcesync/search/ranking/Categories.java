package live.devopstoolkit.resourcesync.search.ranking;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What well-known software is, in the words people ask with. General knowledge about products, not
 * about any one inventory: a record naming "redis" is a cache whether or not anyone labelled it so.
 */
final class Categories {

  private static final String DATABASE = "database";
  private static final String CACHE = "cache";
  private static final String QUEUE = "message queue broker";
  private static final String MONITORING = "monitoring observability";
  private static final String LOGGING = "logging";
  private static final String PROXY = "proxy load balancer ingress";
  private static final String SEARCH = "search engine";
  private static final String STORAGE = "object storage";
  private static final String SECURITY = "certificates security";
  private static final String CICD = "continuous delivery deployment pipeline";

  private static final Map<String, String> PRODUCTS = Map.ofEntries(
      Map.entry("postgres", DATABASE), Map.entry("postgresql", DATABASE), Map.entry("cnpg", DATABASE),
      Map.entry("cloudnativepg", DATABASE), Map.entry("pgbouncer", "database connection pooler"),
      Map.entry("mysql", DATABASE), Map.entry("mariadb", DATABASE), Map.entry("percona", DATABASE),
      Map.entry("pxc", DATABASE), Map.entry("mongodb", DATABASE), Map.entry("mongo", DATABASE),
      Map.entry("cassandra", DATABASE), Map.entry("scylla", DATABASE), Map.entry("scylladb", DATABASE),
      Map.entry("cockroachdb", DATABASE), Map.entry("cockroach", DATABASE), Map.entry("couchdb", DATABASE),
      Map.entry("couchbase", DATABASE), Map.entry("neo4j", "graph database"), Map.entry("influxdb", "time series database"),
      Map.entry("timescaledb", "time series database"), Map.entry("clickhouse", "analytics database"),
      Map.entry("vitess", DATABASE), Map.entry("tidb", DATABASE), Map.entry("yugabyte", DATABASE),
      Map.entry("yugabytedb", DATABASE), Map.entry("dynamodb", DATABASE), Map.entry("etcd", "key value store"),
      Map.entry("mssql", DATABASE), Map.entry("oracle", DATABASE), Map.entry("sqlserver", DATABASE),
      Map.entry("redis", CACHE), Map.entry("valkey", CACHE), Map.entry("memcached", CACHE),
      Map.entry("dragonfly", CACHE), Map.entry("keydb", CACHE), Map.entry("hazelcast", CACHE),
      Map.entry("varnish", "http cache"), Map.entry("infinispan", CACHE),
      Map.entry("kafka", QUEUE), Map.entry("strimzi", QUEUE), Map.entry("rabbitmq", QUEUE),
      Map.entry("nats", QUEUE), Map.entry("pulsar", QUEUE), Map.entry("activemq", QUEUE),
      Map.entry("zookeeper", "coordination service"),
      Map.entry("prometheus", MONITORING), Map.entry("grafana", "dashboards monitoring"),
      Map.entry("alertmanager", "alerting monitoring"), Map.entry("thanos", MONITORING),
      Map.entry("jaeger", "tracing observability"), Map.entry("tempo", "tracing observability"),
      Map.entry("opentelemetry", "telemetry observability"), Map.entry("otel", "telemetry observability"),
      Map.entry("servicemonitor", MONITORING), Map.entry("podmonitor", MONITORING),
      Map.entry("loki", LOGGING), Map.entry("fluentd", LOGGING), Map.entry("fluentbit", LOGGING),
      Map.entry("promtail", LOGGING),
      Map.entry("nginx", "web server proxy"), Map.entry("traefik", PROXY), Map.entry("envoy", PROXY),
      Map.entry("haproxy", PROXY), Map.entry("istio", "service mesh"), Map.entry("linkerd", "service mesh"),
      Map.entry("ingress", PROXY), Map.entry("contour", PROXY),
      Map.entry("elasticsearch", SEARCH), Map.entry("opensearch", SEARCH), Map.entry("solr", SEARCH),
      Map.entry("meilisearch", SEARCH), Map.entry("kibana", "log search dashboards"),
      Map.entry("minio", STORAGE), Map.entry("ceph", "storage"), Map.entry("rook", "storage"),
      Map.entry("longhorn", "storage"), Map.entry("velero", "backup"),
      Map.entry("vault", "secrets management"), Map.entry("cert", SECURITY),
      Map.entry("certificate", SECURITY), Map.entry("keycloak", "identity authentication"),
      Map.entry("argocd", CICD), Map.entry("argo", CICD), Map.entry("flux", CICD),
      Map.entry("tekton", CICD), Map.entry("jenkins", CICD));

  private Categories() {
  }

  static Set<String> of(Set<String> words) {
    Set<String> categories = new LinkedHashSet<>();
    for (String word : words) {
      String category = PRODUCTS.get(word);
      if (category != null) {
        categories.add(category);
      }
    }
    return categories;
  }
}
