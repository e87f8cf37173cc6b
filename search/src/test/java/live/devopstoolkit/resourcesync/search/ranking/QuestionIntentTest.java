package live.devopstoolkit.resourcesync.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import live.devopstoolkit.resourcesync.search.index.Mode;
import live.devopstoolkit.resourcesync.search.index.SearchQuery;
import org.junit.jupiter.api.Test;

class QuestionIntentTest {

  private static final Set<String> KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Service", "Secret",
      "Node", "CronJob", "Job", "ConfigMap", "Pod", "CustomResourceDefinition", "Certificate", "ClusterRoleBinding",
      "VaultStaticSecret", "PerconaServerMongoDBBackup");
  private static final Set<String> NAMESPACES = Set.of("_cluster", "payments", "production", "cert-manager");

  private static SearchQuery parse(String question) {
    return QuestionIntent.parse(question, null, null, null, Map.of(), null, Mode.HYBRID, KINDS,
        QuestionIntent.namespaceForms(NAMESPACES));
  }

  @Test
  void operatorsWorkloadsWeighLessUnlessTheQuestionIsAboutOperators() {
    assertThat(parse("which databases are we running?").operatorWeight()).isLessThan(1.0);
    assertThat(parse("which database operators are installed?").operatorWeight()).isEqualTo(1.0);
    assertThat(parse("what controllers run in the cluster").operatorWeight()).isEqualTo(1.0);
  }

  @Test
  void aBuiltInKindAndANamespaceNamedAsOneBecomeFilters() {
    SearchQuery q = parse("list deployments in production namespace");
    assertThat(q.filters().kinds()).containsExactly("Deployment");
    assertThat(q.filters().namespace()).isEqualTo("production");
    assertThat(q.namespaceWeights()).isEmpty();
  }

  @Test
  void kindsThatAreEverydayWordsAreNeitherFilteredNorLiftedOnlyNoLongerDemoted() {
    SearchQuery secrets = parse("how do we manage secrets");
    assertThat(secrets.filters().kinds()).isEmpty();
    assertThat(secrets.kindWeights()).doesNotContainKey("Secret");
    SearchQuery jobs = parse("which jobs run on a schedule");
    assertThat(jobs.filters().kinds()).isEmpty();
    assertThat(jobs.kindWeights()).doesNotContainKey("Job");
    assertThat(parse("what runs in production").kindWeights()).containsEntry("Secret", 0.7);
  }

  @Test
  void aKindAfterEveryOrPerIsAMeasureNotWhatIsAsked() {
    SearchQuery q = parse("what runs on every node");
    assertThat(q.filters().kinds()).isEmpty();
    assertThat(q.kindWeights()).containsEntry("Node", 0.4);
    assertThat(parse("list nodes").kindWeights()).doesNotContainKey("Node");
  }

  @Test
  void aKindAfterAnArticleIsACircumstanceAndAKindBeforeControllersNamesAProgram() {
    assertThat(parse("what reloads apps when a configmap changes").filters().kinds()).isEmpty();
    assertThat(parse("which configmaps does payments use").filters().kinds()).containsExactly("ConfigMap");
    SearchQuery q = QuestionIntent.parse("which ingress controllers and API gateways do we run", null, null, null,
        Map.of(), null, Mode.HYBRID, Set.of("Ingress", "IngressClass", "Deployment"),
        QuestionIntent.namespaceForms(NAMESPACES));
    assertThat(q.filters().kinds()).isEmpty();
    assertThat(q.kindWeights()).as("the programs asked for, not the ingresses they serve")
        .containsEntry("Ingress", 0.7).doesNotContainKey("IngressClass");
    SearchQuery ingresses = QuestionIntent.parse("list ingresses", null, null, null, Map.of(), null, Mode.HYBRID,
        Set.of("Ingress", "IngressClass", "Deployment"), QuestionIntent.namespaceForms(NAMESPACES));
    assertThat(ingresses.filters().kinds()).containsExactly("Ingress");
    assertThat(ingresses.kindWeights()).doesNotContainKey("Ingress").containsEntry("IngressClass", 0.4);
  }

  @Test
  void theLongestNamespaceNamedWinsOverOneItStartsWith() {
    // in name order, as the index holds them: the shorter name is tried first
    Map<String, List<String>> held = QuestionIntent.namespaceForms(
        new TreeSet<>(Set.of("openshift", "openshift-operators", "payments")));
    assertThat(QuestionIntent.parse("list the operator subscriptions in openshift-operators", null, null, null,
        Map.of(), null, Mode.HYBRID, KINDS, held).filters().namespace()).isEqualTo("openshift-operators");
    assertThat(QuestionIntent.parse("image streams in openshift", null, null, null, Map.of(), null, Mode.HYBRID,
        KINDS, held).filters().namespace()).isEqualTo("openshift");
  }

  @Test
  void anEnvironmentCalledANamespaceFiltersOnTheOneNamespaceNamedForItInAnySpelling() {
    SearchQuery q = parseWith("list deployments in production namespace", "ehr-prod", "ehr-staging", "imaging");
    assertThat(q.filters().namespace()).isEqualTo("ehr-prod");
    assertThat(parseWith("what runs in the prod namespace", "production", "staging").filters().namespace())
        .isEqualTo("production");
    SearchQuery two = parseWith("list deployments in production namespace", "payments-prod", "orders-prd");
    assertThat(two.filters().namespace()).as("which one is not said").isNull();
  }

  @Test
  void anEnvironmentNamedPutsNamespacesOfOtherEnvironmentsLowerWithoutLiftingAny() {
    SearchQuery q = parseWith("what serves the driver portal in production?", "web", "web-staging", "dispatch-prod",
        "tools-dev");
    assertThat(q.filters().namespace()).as("web may be production too").isNull();
    assertThat(q.namespaceWeights()).containsOnlyKeys("web-staging", "tools-dev");
    assertThat(q.namespaceWeights().get("web-staging")).isLessThan(1.0);
    assertThat(parseWith("what serves the driver portal", "web", "web-staging").namespaceWeights()).isEmpty();
  }

  @Test
  void whoCanInANamespaceCountsClusterWideBindingsToo() {
    SearchQuery q = parse("who can read secrets in payments");
    assertThat(q.filters().namespace()).isEqualTo("payments");
    assertThat(q.filters().clusterScopedToo()).isTrue();
    assertThat(parse("which secrets are in payments").filters().clusterScopedToo()).isFalse();
    SearchQuery asked = QuestionIntent.parse("who can read secrets", null, "payments", null, Map.of(), null,
        Mode.HYBRID, KINDS, QuestionIntent.namespaceForms(NAMESPACES));
    assertThat(asked.filters().clusterScopedToo()).as("a namespace filter the caller set stays exact").isFalse();
  }

  @Test
  void whoCanNamesTheKindAPermissionIsOnNotTheKindAskedFor() {
    SearchQuery q = parse("who can delete deployments");
    assertThat(q.filters().kinds()).isEmpty();
    assertThat(q.kindWeights()).containsEntry("ClusterRoleBinding", 1.25).doesNotContainKey("Deployment");
    assertThat(parse("who can read secrets or passwords").kindWeights()).containsEntry("Secret", 0.7);
  }

  @Test
  void whoCanLiftsRolesAndBindingsAndBackedUpAsksForBackups() {
    assertThat(parse("who can read secrets in production").kindWeights()).containsEntry("ClusterRoleBinding", 1.25);
    assertThat(parse("what reads secrets in production").kindWeights()).containsEntry("ClusterRoleBinding", 0.4);
    assertThat(parse("how are databases backed up").text()).endsWith("(backup)");
    assertThat(parse("which databases are we running").text()).doesNotContain("backup");
  }

  @Test
  void exposedAsksForWhatLetsTrafficIn() {
    assertThat(parse("what is exposed to the internet?").text()).contains("ingress", "routes traffic from outside");
    assertThat(parse("what runs in production").text()).isEqualTo("what runs in production");
  }

  @Test
  void aNamespacesQuotaAndLimitsWeighAsSupportingUnlessAskedFor() {
    Set<String> held = Set.of("Deployment", "ResourceQuota", "LimitRange");
    assertThat(QuestionIntent.parse("what is the climate group running?", null, null, null, Map.of(), null,
        Mode.HYBRID, held, Map.of()).kindWeights()).containsEntry("ResourceQuota", 0.7).containsEntry("LimitRange", 0.7);
    assertThat(QuestionIntent.parse("what gpu quota does the neuro lab have", null, null, null, Map.of(), null,
        Mode.HYBRID, held, Map.of()).kindWeights()).as("asked by its last word: lifted").containsEntry("ResourceQuota", 1.25);
    assertThat(QuestionIntent.parse("what cpu limits apply in astro", null, null, null, Map.of(), null,
        Mode.HYBRID, held, Map.of()).kindWeights()).doesNotContainKey("LimitRange");
  }

  @Test
  void anApiGroupWrittenOutIsSearchedByItsWordsAndAsksForItsDefinitionsToo() {
    SearchQuery q = parse("anything from sparkoperator.k8s.io in the cluster?");
    assertThat(q.text()).endsWith("(sparkoperator)");
    assertThat(q.kindWeights()).doesNotContainKey("CustomResourceDefinition");
    assertThat(parse("which databases are we running?").kindWeights()).containsEntry("CustomResourceDefinition", 0.4);
    SearchQuery antrea = QuestionIntent.parse("list crd.antrea.io policies", null, null, null, Map.of(), null,
        Mode.HYBRID, Set.of("CustomResourceDefinition", "NetworkPolicy", "ClusterNetworkPolicy"), Map.of());
    assertThat(antrea.filters().kinds()).as("\"crd\" inside a group names no kind").isEmpty();
  }

  @Test
  void anApiGroupWrittenOutWeighsItsObjectsAboveTheirDefinitionsAndOperator() {
    SearchQuery q = parse("what's configured under metallb.io?");
    assertThat(q.groupWeights()).containsExactly(Map.entry("metallb.io", 1.25));
    assertThat(parse("which databases are we running?").groupWeights()).isEmpty();
  }

  @Test
  void aPersonNamedAlsoAsksForTheirHandleOfInitialAndSurname() {
    assertThat(parse("what is Jonas Berger responsible for?").text()).endsWith("(jberger)");
    assertThat(parse("which workloads does Marta Lindqvist own?").text()).endsWith("(mlindqvist)");
    assertThat(parse("Is Vault running here").text()).as("a question's first word is capitalised anyway")
        .isEqualTo("Is Vault running here");
  }

  @Test
  void theProductionNamespaceIsFoundByItsNameFirstThenByLiveThenByItsLabels() {
    Map<String, List<String>> held = QuestionIntent.namespaceForms(Set.of("shop-live", "shop-stage", "data"));
    Map<String, String> labelled = Map.of("shop-live", "production", "data", "production");
    assertThat(QuestionIntent.parse("list deployments in production namespace", null, null, null, Map.of(), null,
        Mode.HYBRID, KINDS, held, () -> labelled).filters().namespace()).isEqualTo("shop-live");
    Map<String, List<String>> unnamed = QuestionIntent.namespaceForms(Set.of("orders", "orders-qa"));
    assertThat(QuestionIntent.parse("list deployments in production namespace", null, null, null, Map.of(), null,
        Mode.HYBRID, KINDS, unnamed, () -> Map.of("orders", "production")).filters().namespace())
        .isEqualTo("orders");
    Map<String, List<String>> prod = QuestionIntent.namespaceForms(Set.of("prod", "billing"));
    assertThat(QuestionIntent.parse("list deployments in production namespace", null, null, null, Map.of(), null,
        Mode.HYBRID, KINDS, prod, () -> Map.of("prod", "production", "billing", "production")).filters()
        .namespace()).as("a name says it before labels every namespace of production carries").isEqualTo("prod");
  }

  @Test
  void namespaceLabelsAreReadOncePerQuestionAndOnlyWhenItNamesAnEnvironment() {
    AtomicInteger reads = new AtomicInteger();
    Map<String, List<String>> held = QuestionIntent.namespaceForms(Set.of("orders", "billing", "tools"));
    Supplier<Map<String, String>> labels = () -> {
      reads.incrementAndGet();
      return Map.of("orders", "production", "billing", "production", "tools", "development");
    };
    SearchQuery q = QuestionIntent.parse("list deployments in production namespace", null, null, null, Map.of(),
        null, Mode.HYBRID, KINDS, held, labels);
    assertThat(q.filters().namespace()).as("two namespaces are labelled production").isNull();
    assertThat(q.namespaceWeights()).containsExactly(Map.entry("tools", 0.8));
    assertThat(reads).hasValue(1);
    QuestionIntent.parse("which databases are we running?", null, null, null, Map.of(), null, Mode.HYBRID, KINDS,
        held, labels);
    assertThat(reads).hasValue(1);
  }

  @Test
  void aNamespacesEnvironmentLabelIsReadWhateverItsPrefix() {
    assertThat(QuestionIntent.labelledEnvironment(Map.of("environment", "production"))).isEqualTo("production");
    assertThat(QuestionIntent.labelledEnvironment(Map.of("example.com/env", "prod"))).isEqualTo("production");
    assertThat(QuestionIntent.labelledEnvironment(Map.of("example.com/env", "live"))).isEqualTo("production");
    assertThat(QuestionIntent.labelledEnvironment(Map.of("env", "stg"))).isEqualTo("staging");
    assertThat(QuestionIntent.labelledEnvironment(Map.of("tier", "prod"))).isNull();
    assertThat(QuestionIntent.labelledEnvironment(null)).isNull();
  }

  @Test
  void loggingInAsksForIdentityServers() {
    assertThat(parse("what handles customer logins?").text()).endsWith("(identity authentication)");
    assertThat(parse("where do users sign in").text()).endsWith("(identity authentication)");
    assertThat(parse("where do container logs end up?").text()).isEqualTo("where do container logs end up?");
  }

  @Test
  void aWorkloadsBudgetAutoscalerAndNetworkPolicyWeighAsSupportingUnlessAskedFor() {
    Set<String> kinds = Set.of("Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy");
    SearchQuery databases = QuestionIntent.parse("which databases are we running?", null, null, null, Map.of(),
        null, Mode.HYBRID, kinds, QuestionIntent.namespaceForms(NAMESPACES));
    assertThat(databases.kindWeights()).containsEntry("PodDisruptionBudget", 0.7)
        .containsEntry("HorizontalPodAutoscaler", 0.7).containsEntry("NetworkPolicy", 0.7);
    SearchQuery scaling = QuestionIntent.parse("which things have autoscaling", null, null, null, Map.of(), null,
        Mode.HYBRID, kinds, QuestionIntent.namespaceForms(NAMESPACES));
    assertThat(scaling.kindWeights()).doesNotContainKey("HorizontalPodAutoscaler");
  }

  @Test
  void inTheClusterMeansAnywhereNotClusterScopedRecords() {
    SearchQuery q = parse("which message queues are running in the cluster?");
    assertThat(q.filters().namespace()).isNull();
    assertThat(q.namespaceWeights()).isEmpty();
  }

  private static SearchQuery parseWith(String question, String... namespaces) {
    return QuestionIntent.parse(question, null, null, null, Map.of(), null, Mode.HYBRID, KINDS,
        QuestionIntent.namespaceForms(Set.of(namespaces)));
  }

  @Test
  void servicesAreReadAsApplicationsLiftingWorkloadsAsMuchAsServiceObjects() {
    SearchQuery q = parse("find all services related to payments");
    assertThat(q.text()).isEqualTo("find all applications related to payments");
    assertThat(q.filters().kinds()).isEmpty();
    assertThat(q.kindWeights()).containsEntry("Service", 1.25).containsEntry("Deployment", 1.25)
        .containsEntry("StatefulSet", 1.25);
  }

  @Test
  void unlessNamedAServiceWeighsLessThanTheWorkloadItFronts() {
    SearchQuery q = parse("what caches do we have");
    assertThat(q.text()).isEqualTo("what caches do we have");
    assertThat(q.kindWeights()).containsEntry("Service", 0.85).doesNotContainKey("Deployment")
        .containsEntry("Pod", 0.7);
  }

  @Test
  void aNamespaceUsedAsAWordLiftsWhatIsInItWithoutFiltering() {
    SearchQuery q = parse("find all services related to payments");
    assertThat(q.filters().namespace()).isNull();
    assertThat(q.namespaceWeights()).containsExactly(Map.entry("payments", 1.25));
    assertThat(parse("what caches do we have").namespaceWeights()).isEmpty();
  }

  @Test
  void aNamespaceNamedAfterSoftwareIsNotLiftedWhenTheQuestionNamesTheSoftware() {
    assertThat(parse("who renews cert manager certificates").namespaceWeights()).isEmpty();
  }

  @Test
  void operatorsSecretAndBackupKindsWeighAsSupportingUnlessAskedForByThatWord() {
    assertThat(parse("which databases are we running?").kindWeights())
        .containsEntry("VaultStaticSecret", 0.7).containsEntry("PerconaServerMongoDBBackup", 0.7);
    assertThat(parse("which secrets are synced from vault").kindWeights()).doesNotContainKey("VaultStaticSecret");
    // "backups" is also the last word of the backup kind's name, which lifts it
    assertThat(parse("how are our backups done").kindWeights()).containsEntry("PerconaServerMongoDBBackup", 1.25)
        .containsEntry("VaultStaticSecret", 0.7);
  }

  @Test
  void aBrokersTopicsStreamsAndUsersWeighAsSupportingUnlessAskedFor() {
    Set<String> kinds = Set.of("Kafka", "KafkaTopic", "KafkaUser", "Stream", "StatefulSet");
    SearchQuery brokers = QuestionIntent.parse("what messaging systems do we run?", null, null, null, Map.of(), null,
        Mode.HYBRID, kinds, QuestionIntent.namespaceForms(NAMESPACES));
    assertThat(brokers.kindWeights()).containsEntry("KafkaTopic", 0.7).containsEntry("KafkaUser", 0.7)
        .doesNotContainKey("Kafka");
    SearchQuery topics = QuestionIntent.parse("which kafka topics exist", null, null, null, Map.of(), null,
        Mode.HYBRID, kinds, QuestionIntent.namespaceForms(NAMESPACES));
    assertThat(topics.kindWeights()).doesNotContainEntry("KafkaTopic", 0.7);
  }

  @Test
  void accessWordsUndoTheRbacDemotion() {
    assertThat(parse("which databases are we running?").kindWeights()).containsEntry("ClusterRoleBinding", 0.4);
    assertThat(parse("which accounts have cluster admin access").kindWeights()).doesNotContainKey("ClusterRoleBinding");
  }

  @Test
  void pluralCertificatesUndoTheSecretDemotion() {
    assertThat(parse("anything about certificates").kindWeights()).doesNotContainKey("Secret")
        .containsEntry("Certificate", 1.25);
  }

  @Test
  void aKindsLastWordLiftsItWithoutFilteringUnlessGenericOrAlreadyNamedWhole() {
    Set<String> held = Set.of("Deployment", "Secret", "Certificate", "ClusterIssuer", "KafkaTopic", "PubSubTopic",
        "ClusterPolicy", "RedisInstance", "ExternalSecret");
    SearchQuery issuers = QuestionIntent.parse("which certificate issuers are configured?", null, null, null,
        Map.of(), null, Mode.HYBRID, held, Map.of());
    assertThat(issuers.filters().kinds()).isEmpty();
    assertThat(issuers.kindWeights()).containsEntry("ClusterIssuer", 1.25).containsEntry("Certificate", 1.25);
    assertThat(QuestionIntent.kindsByLastWord(" what admission policies do we enforce ", held, Set.of()))
        .containsExactly("ClusterPolicy");
    assertThat(QuestionIntent.kindsByLastWord(" which topics exist ", held, Set.of()))
        .containsExactlyInAnyOrder("KafkaTopic", "PubSubTopic");
    // named whole: "topics" belongs to KafkaTopic and does not also lift PubSubTopic
    assertThat(QuestionIntent.kindsByLastWord(" show me the kafka topics ", held, Set.of("KafkaTopic"))).isEmpty();
    // generic: "instances" means any software's, not Memorystore's RedisInstance only
    assertThat(QuestionIntent.kindsByLastWord(" which redis instances are there ", held, Set.of())).isEmpty();
    // a held kind's whole name: "secrets" means Secrets, not every operator's secret kind
    assertThat(QuestionIntent.kindsByLastWord(" how do we manage secrets ", held, Set.of())).isEmpty();
    // "message queues" are brokers, not Kueue's job queues
    Set<String> queues = Set.of("ClusterQueue", "LocalQueue");
    assertThat(QuestionIntent.kindsByLastWord(" which message queues do we run ", queues, Set.of())).isEmpty();
    assertThat(QuestionIntent.kindsByLastWord(" what batch queues exist ", queues, Set.of()))
        .containsExactlyInAnyOrder("ClusterQueue", "LocalQueue");
    // a built-in kind filtered on leaves nothing to lift
    assertThat(QuestionIntent.parse("list deployments with topics", null, null, null, Map.of(), null, Mode.HYBRID,
        held, Map.of()).kindWeights()).doesNotContainKey("KafkaTopic");
  }

  @Test
  void monitoringWiringWeighsAsSupportingUnlessTheQuestionAsksWhatIsScrapedOrAlertedOn() {
    Set<String> held = Set.of("Deployment", "StatefulSet", "ServiceMonitor", "PodMonitor", "PrometheusRule");
    SearchQuery databases = QuestionIntent.parse("which databases are we running?", null, null, null, Map.of(),
        null, Mode.HYBRID, held, Map.of());
    assertThat(databases.kindWeights()).containsEntry("PodMonitor", 0.7).containsEntry("ServiceMonitor", 0.7)
        .containsEntry("PrometheusRule", 0.7);
    assertThat(QuestionIntent.parse("what monitoring do we have?", null, null, null, Map.of(), null, Mode.HYBRID,
        held, Map.of()).kindWeights()).containsEntry("ServiceMonitor", 0.7);
    assertThat(QuestionIntent.parse("what do we use for monitoring and alerting", null, null, null, Map.of(), null,
        Mode.HYBRID, held, Map.of()).kindWeights()).containsEntry("PrometheusRule", 0.7);
    assertThat(QuestionIntent.parse("which services are scraped by prometheus", null, null, null, Map.of(), null,
        Mode.HYBRID, held, Map.of()).kindWeights()).doesNotContainKeys("PodMonitor", "ServiceMonitor", "PrometheusRule");
    assertThat(QuestionIntent.parse("which alerts fire for payments", null, null, null, Map.of(), null,
        Mode.HYBRID, held, Map.of()).kindWeights()).doesNotContainKey("PrometheusRule");
    // named whole, the kind is lifted as any operator's kind is
    assertThat(QuestionIntent.parse("list service monitors", null, null, null, Map.of(), null, Mode.HYBRID, held,
        Map.of()).kindWeights()).containsEntry("ServiceMonitor", 1.25);
  }

  @Test
  void builtInKindsWeightsAreForKubernetesOwnGroupsOnly() {
    SearchQuery q = parse("what serverless functions do we have?");
    assertThat(q.builtInKinds()).contains("Service", "Secret", "Pod", "ClusterRole").doesNotContain("Composition");
    assertThat(q.weight("Service", "v1", "shop", false)).isEqualTo(0.85);
    assertThat(q.weight("Service", "serving.knative.dev/v1", "shop", false)).isEqualTo(1.0);
  }
}
