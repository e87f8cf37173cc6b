package live.devopstoolkit.resourcesync.search.ranking;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What well-known software is, in the words people ask with. General knowledge about products, not
 * about any one inventory: a record naming "redis" is a cache whether or not anyone labelled it so.
 */
final class Categories {

  private static final String DATABASE = "database";
  private static final String POSTGRES = "postgres database";
  private static final String MONGODB = "mongodb database";
  private static final String MYSQL = "mysql database";
  private static final String CASSANDRA = "cassandra database";
  private static final String ANALYTICS_DB = "analytics database";
  private static final String CACHE = "cache";
  private static final String REDIS = "redis compatible cache";
  private static final String QUEUE = "message queue broker";
  private static final String MONITORING = "monitoring observability";
  private static final String METRICS = "monitoring metrics";
  private static final String LOGGING = "logging";
  private static final String PROXY = "proxy load balancer ingress, routes traffic from outside";
  private static final String SEARCH = "search engine";
  private static final String STORAGE = "object storage";
  private static final String SECURITY = "certificates security";
  private static final String SECRETS = "secrets management";
  private static final String IDENTITY = "identity authentication single sign-on";
  private static final String WORKFLOW = "workflow orchestration engine";
  private static final String EMAIL = "email mail server";
  private static final String BI = "business intelligence dashboards";
  private static final String BACKUP = "backup";
  private static final String AUTOSCALING = "autoscaling";
  private static final String NETWORK = "pod networking";
  private static final String OPERATOR = "kubernetes operator";
  private static final String CICD = "continuous delivery deployment pipeline";
  private static final String SERVERLESS = "serverless functions";
  private static final String FEATURE_FLAGS = "feature flags toggles";
  private static final String PROGRESSIVE = "progressive delivery canary blue green releases";
  private static final String POLICY = "admission policy enforcement";
  private static final String WAREHOUSE = "data warehouse analytics";
  private static final String CI = "continuous integration ci builds pipeline";
  private static final String REGISTRY = "container image registry";
  private static final String RUNTIME_SECURITY = "runtime security intrusion detection";
  private static final String SCANNING = "vulnerability scanning security";
  private static final String MODEL_SERVING = "machine learning model serving inference";
  private static final String CHAOS = "chaos engineering experiments";

  /**
   * Product names (and a few words operators use for them: Zalando's "spilo" image and
   * {@code acid.zalan.do} group, Percona's "psmdb" and "pxc"; the kinds that route traffic in from
   * outside: Istio's and the Gateway API's gateways and routes; cloud services that Crossplane, ACK or
   * Azure Service Operator records name, often only in their API group: "rds", "elasticache", "sqs",
   * "dbforpostgresql", "servicebus") and what they are; a family's
   * members name the family ("cnpg" adds "postgres database"), so a question naming the family
   * finds them by its words too. Names joined from two words ("fluent-bit" → "fluentbit") are
   * looked up too.
   */
  private static final Map<String, String> PRODUCTS = Map.ofEntries(
      Map.entry("postgres", POSTGRES), Map.entry("postgresql", POSTGRES), Map.entry("cnpg", POSTGRES),
      Map.entry("cloudnativepg", POSTGRES), Map.entry("pgbouncer", "database connection pooler"),
      Map.entry("spilo", POSTGRES), Map.entry("zalan", POSTGRES), Map.entry("crunchydata", POSTGRES),
      Map.entry("stackgres", POSTGRES), Map.entry("timescale", "time series database"),
      Map.entry("mysql", MYSQL), Map.entry("mariadb", MYSQL), Map.entry("percona", DATABASE),
      Map.entry("pxc", MYSQL), Map.entry("moco", MYSQL), Map.entry("psmdb", MONGODB),
      Map.entry("mongodb", MONGODB), Map.entry("mongo", MONGODB), Map.entry("ferretdb", MONGODB),
      Map.entry("cassandra", CASSANDRA), Map.entry("k8ssandra", CASSANDRA), Map.entry("scylla", CASSANDRA),
      Map.entry("scylladb", CASSANDRA), Map.entry("cockroachdb", DATABASE), Map.entry("cockroach", DATABASE),
      Map.entry("couchdb", DATABASE), Map.entry("couchbase", DATABASE), Map.entry("neo4j", "graph database"),
      Map.entry("arangodb", "graph database"), Map.entry("dgraph", "graph database"),
      Map.entry("memgraph", "graph database"), Map.entry("influxdb", "time series database"),
      Map.entry("timescaledb", "time series database"), Map.entry("questdb", "time series database"),
      Map.entry("clickhouse", ANALYTICS_DB), Map.entry("druid", ANALYTICS_DB), Map.entry("pinot", ANALYTICS_DB),
      Map.entry("greenplum", ANALYTICS_DB), Map.entry("starrocks", ANALYTICS_DB),
      Map.entry("trino", "sql query engine"), Map.entry("presto", "sql query engine"),
      Map.entry("qdrant", "vector database"), Map.entry("weaviate", "vector database"),
      Map.entry("milvus", "vector database"), Map.entry("vitess", MYSQL), Map.entry("tidb", DATABASE),
      Map.entry("yugabyte", DATABASE), Map.entry("yugabytedb", DATABASE), Map.entry("dynamodb", DATABASE),
      Map.entry("etcd", "key value store"), Map.entry("mssql", DATABASE), Map.entry("oracle", DATABASE),
      Map.entry("sqlserver", DATABASE), Map.entry("tikv", "key value store database"),
      Map.entry("rds", DATABASE), Map.entry("aurora", DATABASE), Map.entry("cloudsql", DATABASE),
      Map.entry("cosmosdb", DATABASE), Map.entry("spanner", DATABASE), Map.entry("firestore", DATABASE),
      Map.entry("redis", CACHE), Map.entry("valkey", REDIS), Map.entry("memcached", CACHE),
      Map.entry("dragonfly", REDIS), Map.entry("dragonflydb", REDIS), Map.entry("keydb", REDIS),
      Map.entry("hazelcast", CACHE), Map.entry("varnish", "http cache"), Map.entry("squid", "http cache"),
      Map.entry("infinispan", CACHE), Map.entry("elasticache", CACHE), Map.entry("memorystore", CACHE),
      Map.entry("kafka", QUEUE), Map.entry("strimzi", QUEUE), Map.entry("redpanda", QUEUE),
      Map.entry("rabbitmq", QUEUE), Map.entry("nats", QUEUE), Map.entry("jetstream", QUEUE),
      Map.entry("pulsar", QUEUE), Map.entry("activemq", QUEUE), Map.entry("artemis", QUEUE),
      Map.entry("nsq", QUEUE), Map.entry("emqx", "mqtt message broker"), Map.entry("mosquitto", "mqtt message broker"),
      Map.entry("confluent", QUEUE), Map.entry("kraft", QUEUE), Map.entry("msk", QUEUE), Map.entry("sqs", QUEUE),
      Map.entry("pubsub", QUEUE), Map.entry("eventhubs", QUEUE),
      Map.entry("schemaregistry", "kafka schema registry"), Map.entry("zookeeper", "coordination service"),
      Map.entry("prometheus", MONITORING), Map.entry("grafana", "dashboards monitoring"),
      Map.entry("alertmanager", "alerting monitoring"), Map.entry("thanos", MONITORING),
      Map.entry("mimir", MONITORING), Map.entry("cortex", MONITORING), Map.entry("victoriametrics", MONITORING),
      Map.entry("vmcluster", MONITORING), Map.entry("vmsingle", MONITORING), Map.entry("vmagent", MONITORING),
      Map.entry("vmalert", "alerting monitoring"), Map.entry("vmselect", MONITORING),
      Map.entry("vminsert", MONITORING), Map.entry("vmstorage", MONITORING), Map.entry("zabbix", MONITORING),
      Map.entry("datadog", MONITORING), Map.entry("netdata", MONITORING), Map.entry("metrics", METRICS),
      Map.entry("exporter", METRICS), Map.entry("sentry", "error tracking"),
      Map.entry("jaeger", "tracing observability"), Map.entry("tempo", "tracing observability"),
      Map.entry("zipkin", "tracing observability"),
      Map.entry("opentelemetry", "telemetry observability"), Map.entry("otel", "telemetry observability"),
      Map.entry("servicemonitor", MONITORING), Map.entry("podmonitor", MONITORING),
      Map.entry("loki", LOGGING), Map.entry("fluentd", LOGGING), Map.entry("fluentbit", LOGGING),
      Map.entry("promtail", LOGGING), Map.entry("logstash", LOGGING), Map.entry("filebeat", LOGGING),
      Map.entry("graylog", LOGGING), Map.entry("victorialogs", LOGGING),
      Map.entry("alloy", "telemetry collector logging metrics"),
      Map.entry("nginx", "web server proxy"), Map.entry("traefik", PROXY), Map.entry("envoy", PROXY),
      Map.entry("haproxy", PROXY), Map.entry("istio", "service mesh"), Map.entry("linkerd", "service mesh"),
      Map.entry("istiod", "service mesh control plane"), Map.entry("ingress", PROXY),
      Map.entry("ingressgateway", PROXY), Map.entry("virtualservice", PROXY),
      Map.entry("httproute", PROXY), Map.entry("grpcroute", PROXY), Map.entry("ingressroute", PROXY),
      Map.entry("httpproxy", PROXY), Map.entry("kong", PROXY), Map.entry("emissary", PROXY),
      Map.entry("contour", PROXY), Map.entry("metallb", "load balancer external ip addresses"),
      Map.entry("externaldns", "dns records"), Map.entry("coredns", "cluster dns"),
      Map.entry("calico", NETWORK), Map.entry("cilium", NETWORK), Map.entry("flannel", NETWORK),
      Map.entry("awsnode", NETWORK), Map.entry("multus", NETWORK),
      Map.entry("elasticsearch", SEARCH), Map.entry("opensearch", SEARCH), Map.entry("solr", SEARCH),
      Map.entry("meilisearch", SEARCH), Map.entry("typesense", SEARCH), Map.entry("vespa", SEARCH),
      Map.entry("quickwit", SEARCH), Map.entry("kibana", "log search dashboards"),
      Map.entry("metabase", BI), Map.entry("superset", BI), Map.entry("redash", BI),
      Map.entry("minio", STORAGE), Map.entry("seaweedfs", STORAGE), Map.entry("s3", STORAGE),
      Map.entry("gcs", STORAGE),
      Map.entry("ceph", "storage"), Map.entry("rook", "storage"), Map.entry("longhorn", "storage"),
      Map.entry("csi", "storage driver"), Map.entry("nfs", "file storage"),
      Map.entry("velero", BACKUP), Map.entry("kasten", BACKUP), Map.entry("restic", BACKUP),
      Map.entry("pgbackrest", BACKUP), Map.entry("barman", BACKUP), Map.entry("walg", BACKUP),
      Map.entry("pgdump", BACKUP), Map.entry("pgdumpall", BACKUP), Map.entry("mysqldump", BACKUP),
      Map.entry("mongodump", BACKUP), Map.entry("kopia", BACKUP),
      Map.entry("vault", SECRETS), Map.entry("openbao", SECRETS), Map.entry("externalsecrets", SECRETS),
      Map.entry("sealedsecrets", SECRETS), Map.entry("sealedsecret", SECRETS), Map.entry("sops", SECRETS),
      Map.entry("infisical", SECRETS),
      Map.entry("cert", SECURITY), Map.entry("certificate", SECURITY), Map.entry("letsencrypt", SECURITY),
      Map.entry("acme", SECURITY), Map.entry("tls", SECURITY),
      Map.entry("keycloak", IDENTITY), Map.entry("dex", IDENTITY), Map.entry("authelia", IDENTITY),
      Map.entry("authentik", IDENTITY), Map.entry("zitadel", IDENTITY), Map.entry("oauth2", IDENTITY),
      Map.entry("pomerium", IDENTITY), Map.entry("ldap", IDENTITY), Map.entry("openldap", IDENTITY),
      Map.entry("sso", IDENTITY), Map.entry("kratos", IDENTITY), Map.entry("hydra", IDENTITY),
      Map.entry("ory", IDENTITY), Map.entry("oidc", IDENTITY), Map.entry("fusionauth", IDENTITY),
      Map.entry("casdoor", IDENTITY), Map.entry("logto", IDENTITY), Map.entry("freeipa", IDENTITY),
      Map.entry("temporal", WORKFLOW), Map.entry("airflow", WORKFLOW), Map.entry("prefect", WORKFLOW),
      Map.entry("dagster", WORKFLOW), Map.entry("camunda", WORKFLOW), Map.entry("zeebe", WORKFLOW),
      Map.entry("flyte", WORKFLOW), Map.entry("kubeflow", WORKFLOW),
      Map.entry("smtp", EMAIL), Map.entry("postfix", EMAIL), Map.entry("mailhog", EMAIL),
      Map.entry("mailpit", EMAIL), Map.entry("sendgrid", EMAIL),
      Map.entry("keda", AUTOSCALING), Map.entry("karpenter", "node autoscaling"),
      Map.entry("autoscaler", AUTOSCALING), Map.entry("scaledobject", AUTOSCALING),
      Map.entry("scaledjob", AUTOSCALING),
      Map.entry("knative", SERVERLESS), Map.entry("openfaas", SERVERLESS), Map.entry("fission", SERVERLESS),
      Map.entry("nuclio", SERVERLESS), Map.entry("kubeless", SERVERLESS), Map.entry("lambda", SERVERLESS),
      Map.entry("unleash", FEATURE_FLAGS), Map.entry("flagd", FEATURE_FLAGS), Map.entry("flipt", FEATURE_FLAGS),
      Map.entry("flagsmith", FEATURE_FLAGS), Map.entry("growthbook", FEATURE_FLAGS),
      Map.entry("openfeature", FEATURE_FLAGS), Map.entry("launchdarkly", FEATURE_FLAGS),
      Map.entry("rollout", PROGRESSIVE), Map.entry("rollouts", PROGRESSIVE), Map.entry("flagger", PROGRESSIVE),
      Map.entry("analysistemplate", PROGRESSIVE),
      Map.entry("kyverno", POLICY), Map.entry("gatekeeper", POLICY), Map.entry("opa", POLICY),
      Map.entry("bigquery", WAREHOUSE), Map.entry("snowflake", WAREHOUSE), Map.entry("redshift", WAREHOUSE),
      Map.entry("spark", "data processing jobs"), Map.entry("flink", "stream processing"),
      Map.entry("agones", "game servers"),
      Map.entry("operator", OPERATOR), Map.entry("controllermanager", OPERATOR),
      Map.entry("argocd", CICD), Map.entry("argo", CICD), Map.entry("flux", CICD),
      Map.entry("tekton", CI), Map.entry("jenkins", CI), Map.entry("gitlabrunner", CI),
      Map.entry("buildkite", CI), Map.entry("drone", CI), Map.entry("woodpecker", CI), Map.entry("kaniko", CI),
      Map.entry("buildkit", CI), Map.entry("harbor", REGISTRY), Map.entry("quay", REGISTRY),
      Map.entry("zot", REGISTRY), Map.entry("nexus", "artifact repository"),
      Map.entry("artifactory", "artifact repository"), Map.entry("chartmuseum", "helm chart repository"),
      Map.entry("falco", RUNTIME_SECURITY), Map.entry("falcosidekick", RUNTIME_SECURITY),
      Map.entry("tetragon", RUNTIME_SECURITY), Map.entry("trivy", SCANNING), Map.entry("kubescape", SCANNING),
      Map.entry("grype", SCANNING), Map.entry("clair", SCANNING),
      Map.entry("reloader", "restarts pods when configmaps or secrets change"),
      Map.entry("descheduler", "rebalances pods across nodes"),
      Map.entry("kserve", MODEL_SERVING), Map.entry("seldon", MODEL_SERVING), Map.entry("triton", MODEL_SERVING),
      Map.entry("bentoml", MODEL_SERVING), Map.entry("vllm", MODEL_SERVING), Map.entry("ollama", MODEL_SERVING),
      Map.entry("mlflow", "machine learning experiment tracking"), Map.entry("kuberay", "distributed compute"),
      Map.entry("jupyterhub", "data science notebooks"), Map.entry("jupyter", "data science notebooks"),
      Map.entry("litmus", CHAOS), Map.entry("chaosmesh", CHAOS),
      Map.entry("teleport", "access proxy ssh"),
      Map.entry("secretsstore", SECRETS), Map.entry("privateca", "certificate authority"),
      Map.entry("airbyte", "data integration pipelines"), Map.entry("dbt", "data transformation"),
      Map.entry("nifi", "data flow pipelines"), Map.entry("pgadmin", "database admin ui"),
      Map.entry("phpmyadmin", "database admin ui"), Map.entry("adminer", "database admin ui"),
      Map.entry("vpa", AUTOSCALING),
      Map.entry("rancher", "rancher kubernetes management"), Map.entry("cattle", "rancher kubernetes management"),
      Map.entry("crdb", DATABASE), Map.entry("pg", POSTGRES),
      Map.entry("dbforpostgresql", POSTGRES), Map.entry("dbformysql", MYSQL), Map.entry("dbformariadb", MYSQL),
      Map.entry("documentdb", DATABASE), Map.entry("docdb", DATABASE), Map.entry("memorydb", REDIS),
      Map.entry("servicebus", QUEUE), Map.entry("eventhub", QUEUE), Map.entry("kinesis", QUEUE),
      Map.entry("keyvault", SECRETS), Map.entry("secretsmanager", SECRETS),
      Map.entry("opensearchservice", SEARCH));

  /** A major version run into a product's name: "influxdb2", "postgres16", "redis7". */
  private static final Pattern MAJOR_VERSION = Pattern.compile("(?<=[a-z])\\d{1,2}$");

  private Categories() {
  }

  static Set<String> of(Set<String> words) {
    Set<String> categories = new LinkedHashSet<>();
    for (String word : words) {
      String category = PRODUCTS.get(word);
      if (category == null && Character.isDigit(word.charAt(word.length() - 1))) {
        category = PRODUCTS.get(MAJOR_VERSION.matcher(word).replaceFirst(""));
      }
      if (category != null) {
        categories.add(category);
      }
    }
    return categories;
  }
}
