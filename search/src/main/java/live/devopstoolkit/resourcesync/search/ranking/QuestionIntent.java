package live.devopstoolkit.resourcesync.search.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import live.devopstoolkit.resourcesync.search.index.Filters;
import live.devopstoolkit.resourcesync.search.index.Mode;
import live.devopstoolkit.resourcesync.search.index.SearchQuery;
import live.devopstoolkit.resourcesync.search.inventory.Resource;

/**
 * Reads what a question says about kinds and namespaces. Similarity alone ranks a staging
 * Deployment above a production one for "deployments in production namespace", so a built-in kind
 * named in the question becomes a filter, and so does a held namespace named as one. Other kinds
 * named (operator CRDs, and "services", which people also say of applications) are lifted, not
 * filtered, and so are kinds whose last word the question says ("certificate issuers" for
 * ClusterIssuers); "ingress controller" names a program, not the kind, "who can read secrets"
 * asks for roles and bindings, not Secrets, and kinds that are everyday words ("manage secrets",
 * "on every node") are not taken as the kind. A held namespace used as a word without "in"
 * ("related to payments") lifts what is in it. Objects that support a workload (Secrets,
 * ConfigMaps, its Pods, its Service, its scrape and alert rules) weigh a little less than
 * workloads. Kinds that describe the cluster's machinery rather than what runs on it (CRDs,
 * APIServices, RBAC, webhooks, derived objects) are pushed down unless the question asks for them.
 */
public final class QuestionIntent {

  public static final int MAX_QUESTION_LENGTH = 500;
  public static final int MAX_LIMIT = 100;
  public static final int DEFAULT_LIMIT = 10;

  private static final Set<String> FILTERABLE = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
      "Pod", "Job", "CronJob", "ConfigMap", "Secret", "Ingress", "Namespace", "PersistentVolumeClaim",
      "PersistentVolume", "ServiceAccount", "NetworkPolicy", "HorizontalPodAutoscaler", "PodDisruptionBudget",
      "Node", "StorageClass", "CustomResourceDefinition", "APIService", "ClusterRole", "ClusterRoleBinding",
      "Role", "RoleBinding", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ResourceQuota",
      "LimitRange", "PriorityClass", "IngressClass");
  private static final Set<String> MACHINERY = Set.of("CustomResourceDefinition", "APIService", "ClusterRole",
      "ClusterRoleBinding", "Role", "RoleBinding", "ValidatingWebhookConfiguration",
      "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
      "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding", "PriorityClass", "FlowSchema",
      "PriorityLevelConfiguration", "CSIDriver", "CSINode", "RuntimeClass", "IngressClass", "ControllerRevision",
      "ReplicaSet", "Endpoints", "ComponentStatus", "CertificateSigningRequest", "StorageVersionMigration",
      "VolumeAttachment", "ResourceSyncConfig", "Namespace", "StorageClass", "Node", "Lease",
      // Crossplane's own API machinery: what a claim may ask for and how it is composed, not a resource
      "CompositeResourceDefinition", "Composition", "CompositionRevision",
      // the Gateway API's IngressClass: which controller serves gateways, not a way in
      "GatewayClass",
      // how Crossplane and Config Connector reach a cloud, not what they make there
      "Provider", "ProviderRevision", "ProviderConfig", "DeploymentRuntimeConfig", "ConfigConnector",
      "ConfigConnectorContext");
  /** Kinds in {@link #MACHINERY} that are operators' own, weighed whatever their group. */
  private static final Set<String> CUSTOM_MACHINERY = Set.of("ResourceSyncConfig", "CompositeResourceDefinition",
      "Composition", "CompositionRevision", "GatewayClass", "Provider", "ProviderRevision", "ProviderConfig",
      "DeploymentRuntimeConfig", "ConfigConnector", "ConfigConnectorContext");
  /**
   * Objects that support a workload (its credentials, settings, volume, identity, and the budget,
   * autoscaler and network policy named after it) or are made from one (its Pods) rather than being
   * one: "which databases" found a database's PodDisruptionBudget second.
   */
  private static final Set<String> SUPPORTING = Set.of("Secret", "ConfigMap", "ServiceAccount",
      "PersistentVolumeClaim", "Pod", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy",
      "ResourceQuota", "LimitRange");
  /**
   * Kinds whose names are everyday words: "how do we manage secrets", "what runs on every node",
   * "which jobs run on a schedule" (CronJobs too), "roles" (ClusterRoles too) do not mean only that
   * kind, so naming one neither filters on it nor lifts it; it only undoes the kind's demotion.
   */
  private static final Set<String> EVERYDAY = Set.of("Secret", "Node", "Job", "Role");
  /**
   * Words before a kind that make it a measure or a circumstance, not what is asked for: "on every
   * node", "one per namespace", "what restarts pods when a configmap changes".
   */
  private static final Set<String> QUANTIFIERS = Set.of("every", "each", "per", "a", "an");
  /**
   * How environments are spelled in namespace names and questions: "production namespace" means the
   * {@code prod} namespace, or {@code ehr-prod} when it is the only production one.
   */
  private static final Map<String, String> ENVIRONMENTS = Map.ofEntries(Map.entry("production", "production"),
      Map.entry("prod", "production"), Map.entry("prd", "production"), Map.entry("staging", "staging"),
      Map.entry("stage", "staging"), Map.entry("stg", "staging"), Map.entry("development", "development"),
      Map.entry("dev", "development"));
  /**
   * Label keys, after any prefix, that say which environment a Namespace is for
   * ({@code environment: production}, {@code example.com/env: prod}).
   */
  private static final Set<String> ENVIRONMENT_KEYS = Set.of("env", "environment");
  /**
   * "services related to payments": people say services of applications, so naming Services lifts
   * the workloads as much as the Service objects, which otherwise would push the workloads down.
   */
  private static final Set<String> SERVICE_WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");
  /** "service" and "services" as words, which the ranked text reads as applications. */
  private static final Pattern SERVICE_WORD = Pattern.compile("(?i)\\bservice(s?)\\b");
  /**
   * A Service is its workload's network endpoint, with the same name and labels; unless the
   * question names Services, the workload it fronts ranks first.
   */
  private static final double ENDPOINT = 0.85;
  /** Words that ask for supporting objects without naming their kind; they lift the demotion only. */
  private static final Map<String, String> SUPPORT_WORDS = Map.ofEntries(Map.entry("password", "Secret"),
      Map.entry("passwords", "Secret"), Map.entry("credential", "Secret"), Map.entry("credentials", "Secret"),
      Map.entry("token", "Secret"), Map.entry("tokens", "Secret"), Map.entry("certificate", "Secret"),
      Map.entry("certificates", "Secret"), Map.entry("tls", "Secret"), Map.entry("keys", "Secret"),
      Map.entry("config", "ConfigMap"), Map.entry("configuration", "ConfigMap"), Map.entry("settings", "ConfigMap"),
      Map.entry("volume", "PersistentVolumeClaim"),
      Map.entry("volumes", "PersistentVolumeClaim"), Map.entry("storage", "PersistentVolumeClaim"),
      Map.entry("disk", "PersistentVolumeClaim"), Map.entry("autoscaling", "HorizontalPodAutoscaler"),
      Map.entry("autoscale", "HorizontalPodAutoscaler"), Map.entry("autoscaled", "HorizontalPodAutoscaler"),
      Map.entry("scaling", "HorizontalPodAutoscaler"), Map.entry("disruption", "PodDisruptionBudget"),
      Map.entry("disruptions", "PodDisruptionBudget"), Map.entry("availability", "PodDisruptionBudget"),
      Map.entry("firewall", "NetworkPolicy"), Map.entry("firewalls", "NetworkPolicy"),
      Map.entry("isolation", "NetworkPolicy"), Map.entry("isolated", "NetworkPolicy"),
      Map.entry("network policy", "NetworkPolicy"), Map.entry("network policies", "NetworkPolicy"),
      Map.entry("quota", "ResourceQuota"), Map.entry("quotas", "ResourceQuota"), Map.entry("limits", "LimitRange"));
  /**
   * Words that ask who may do what without naming an RBAC kind ("who has cluster-admin access"):
   * they undo the demotion of roles and their bindings.
   */
  private static final Set<String> ACCESS_WORDS = Set.of("access", "permission", "permissions", "privileges",
      "allowed", "authorized", "authorised");
  /** "who can read secrets", "who has admin": asks for the roles and bindings themselves, so they are lifted. */
  private static final Pattern WHO_MAY = Pattern.compile(" who (can|may|has|have|is allowed) ");
  /**
   * Phrasings whose meaning the records carry in other words, and those words, added to the ranked
   * text. "how are databases backed up": the records say "backup" ({@code pg-backup}, Velero's
   * {@code Backup}), which neither the keyword index nor the small model links to "backed up". "what
   * is exposed to the internet": what lets traffic in is an Ingress, a gateway, a route or a proxy,
   * and their records say so in those words ({@link KindGlossary}, {@link Categories}). "what handles
   * customer logins": logging in is what identity servers do, in the words of {@link Categories}.
   */
  private static final List<Map.Entry<Pattern, String>> REWORDED = List.of(
      Map.entry(Pattern.compile("(?i)\\b(back|backs|backed|backing) up\\b"), " (backup)"),
      Map.entry(Pattern.compile(
          "(?i)\\b(exposed|expose|exposes|exposing|internet|publicly|internet-facing|outside the cluster)\\b"),
          " (ingress, gateway, routes traffic from outside, public)"),
      Map.entry(Pattern.compile("(?i)\\b(log ?ins?|logging in|logs in|sign ?ins?|signing in)\\b"),
          " (identity authentication)"));
  /**
   * An API group written out ("anything from sparkoperator.k8s.io?"): one token to the keyword
   * analyzer, while records carry the group's words ({@link ResourceText#groupWords}).
   */
  private static final Pattern API_GROUP = Pattern.compile("(?i)\\b[a-z0-9-]+(\\.[a-z0-9-]+)*\\.(io|org|com|dev|sh|net)\\b");
  /**
   * A person named in a question ("what is Jonas Berger responsible for"): owner labels often hold
   * the handle, initial and surname run together ({@code jberger}), which matches neither word.
   * Not at the question's start, where every word is capitalised.
   */
  private static final Pattern PERSON = Pattern.compile("\\b(\\p{Lu})\\p{Ll}+ (\\p{Lu}\\p{Ll}+)\\b");
  /** Words before "queue" that make it a broker's ("message queues"), not any kind named ...Queue. */
  private static final Set<String> MESSAGING = Set.of("message", "messaging");
  /**
   * Kubernetes' own kinds this class weighs: an operator's kind of the same name (Knative's Service)
   * is another thing, so their weights are for the built-in groups only.
   */
  private static final Set<String> BUILT_IN = builtIn();
  private static final Set<String> RBAC = Set.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding");
  /**
   * Objects that tell Prometheus or VictoriaMetrics what to scrape and when to alert: one per
   * workload, named after it, so "which databases" found a database's {@code PodMonitor} beside the
   * database. They weigh as supporting objects unless {@link #MONITORING_WORDS} ask what is scraped
   * or alerted on: "what do we use for monitoring" asks for Prometheus and Grafana, not for every
   * ServiceMonitor, and "alerting", like "monitoring", names a tool's job, not its rules.
   */
  private static final Set<String> MONITORING_WIRING = Set.of("ServiceMonitor", "PodMonitor", "Probe",
      "ScrapeConfig", "PrometheusRule", "AlertmanagerConfig", "VMServiceScrape", "VMPodScrape", "VMNodeScrape",
      "VMStaticScrape", "VMProbe", "VMScrapeConfig", "VMRule");
  private static final Set<String> MONITORING_WORDS = Set.of("monitored", "alert", "alerts", "scrape",
      "scrapes", "scraped", "scraping", "rule", "rules");
  /**
   * What an operator's custom kinds are by their last word: a {@code VaultStaticSecret} or
   * {@code ExternalSecret} holds credentials as a Secret does, a {@code PerconaServerMongoDBBackup}
   * or a Velero {@code Restore} is a copy of a thing, not the thing, and a {@code KafkaTopic},
   * JetStream {@code Stream} or {@code KafkaUser} is a part of a broker, not the broker. They weigh
   * as supporting objects unless the question asks for them by that word ("which secrets",
   * "backups", "kafka topics"); otherwise a database's backup or the credentials named after it rank
   * as the database, and a broker's topics fill the answer to "what messaging systems do we run".
   */
  private static final Map<String, Set<String>> PART_KINDS = Map.of(
      "secret", Set.of("secret", "secrets", "password", "passwords", "credential", "credentials", "token", "tokens",
          "keys"),
      "backup", Set.of("backup", "backups", "backed", "restore", "restores", "snapshot", "snapshots"),
      "restore", Set.of("backup", "backups", "backed", "restore", "restores", "restored"),
      "user", Set.of("user", "users", "account", "accounts", "identity", "identities", "credential", "credentials"),
      "topic", Set.of("topic", "topics"),
      "stream", Set.of("stream", "streams"),
      "consumer", Set.of("consumer", "consumers"));
  /**
   * Words that ask about operators' own programs ("which database operators are installed"); without
   * them an operator's workload weighs {@link #OPERATOR}, below what it runs.
   */
  private static final Set<String> OPERATOR_WORDS = Set.of("operator", "operators", "controller", "controllers",
      "webhook", "webhooks");
  private static final double OPERATOR = 0.7;
  private static final double NAMED = 1.25;
  /** A namespace named for another environment than the one asked about ({@code web-staging} for "in production"). */
  private static final double OTHER_ENVIRONMENT = 0.8;
  private static final double SUPPORT = 0.7;
  private static final double MACHINE = 0.4;
  /** Everyday names for kinds that their spelling does not give away. */
  private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("crd", "CustomResourceDefinition"),
      Map.entry("crds", "CustomResourceDefinition"), Map.entry("pvc", "PersistentVolumeClaim"),
      Map.entry("pvcs", "PersistentVolumeClaim"), Map.entry("volume claims", "PersistentVolumeClaim"),
      Map.entry("hpa", "HorizontalPodAutoscaler"), Map.entry("autoscalers", "HorizontalPodAutoscaler"),
      Map.entry("pdb", "PodDisruptionBudget"), Map.entry("webhooks", "ValidatingWebhookConfiguration"),
      Map.entry("cron jobs", "CronJob"), Map.entry("rbac", "ClusterRole"), Map.entry("roles", "Role"),
      Map.entry("api services", "APIService"), Map.entry("namespaces", "Namespace"),
      Map.entry("custom resource definitions", "CustomResourceDefinition"));
  /**
   * Last words of kinds that every operator uses for the thing it runs or for its settings ("which
   * redis instances", "mongodb clusters", "the service", "a controller"): said in a question they
   * mean the software in general, not the one kind whose name happens to end that way.
   */
  private static final Set<String> GENERIC_LAST_WORDS = Set.of("cluster", "instance", "server", "service",
      "controller", "application", "app", "set", "config", "configuration");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private QuestionIntent() {
  }

  private static Set<String> builtIn() {
    Set<String> kinds = new HashSet<>(FILTERABLE);
    kinds.addAll(SUPPORTING);
    kinds.add("Service");
    MACHINERY.stream().filter(k -> !CUSTOM_MACHINERY.contains(k)).forEach(kinds::add);
    return Set.copyOf(kinds);
  }

  /**
   * Builds the query. Explicit filters win over what the question implies. Throws
   * IllegalArgumentException with a message for the caller when the input is unusable.
   */
  public static SearchQuery parse(String question, String kind, String namespace, String apiVersion,
      Map<String, String> labels, Integer limit, Mode mode, Set<String> heldKinds,
      Map<String, List<String>> heldNamespaces) {
    return parse(question, kind, namespace, apiVersion, labels, limit, mode, heldKinds, heldNamespaces, Map::of);
  }

  /**
   * @param labelledEnvironments the environment each held namespace's labels declare
   *     ({@link #labelledEnvironment}), asked for only when the question names an environment
   */
  public static SearchQuery parse(String question, String kind, String namespace, String apiVersion,
      Map<String, String> labels, Integer limit, Mode mode, Set<String> heldKinds,
      Map<String, List<String>> heldNamespaces, Supplier<Map<String, String>> labelledEnvironments) {
    Supplier<Map<String, String>> labelled = once(labelledEnvironments);
    String text = question == null ? "" : question.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("the question is empty; ask in words, e.g. \"which databases are we running?\"");
    }
    if (text.length() > MAX_QUESTION_LENGTH) {
      throw new IllegalArgumentException("the question has " + text.length() + " characters; at most "
          + MAX_QUESTION_LENGTH + " are accepted");
    }
    int max = limit == null ? DEFAULT_LIMIT : limit;
    if (max < 1 || max > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + max);
    }
    Set<String> kinds = new LinkedHashSet<>();
    if (kind != null && !kind.isBlank()) {
      kinds.add(canonicalKind(kind.strip(), heldKinds));
    }
    // An API group's words name no kind or namespace: "crd.antrea.io policies" asks for Antrea's policies.
    String normalized = " " + String.join(" ",
        NON_WORD.split(API_GROUP.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT))) + " ";
    boolean whoMay = WHO_MAY.matcher(normalized).find();
    Set<String> named = namedKinds(normalized, heldKinds);
    if (whoMay) {
      // "who can read secrets": the kinds are what a permission is on; roles and bindings are asked for.
      named.retainAll(RBAC);
    }
    Set<String> boosted = new HashSet<>();
    if (kinds.isEmpty()) {
      for (String k : named) {
        if (EVERYDAY.contains(k)) {
          continue; // neither filtered nor lifted; naming it only undoes its demotion below
        }
        if (FILTERABLE.contains(k)) {
          kinds.add(k);
        } else {
          boosted.add(k);
        }
      }
    }
    if (kinds.isEmpty() && !whoMay) {
      boosted.addAll(kindsByLastWord(normalized, heldKinds, named));
    }
    String ns = namespace != null && !namespace.isBlank() ? namespace.strip()
        : namedNamespace(normalized, heldNamespaces, labelled);
    Map<String, Double> weights = new HashMap<>();
    MACHINERY.forEach(k -> weights.put(k, MACHINE));
    SUPPORTING.forEach(k -> weights.put(k, SUPPORT));
    weights.put("Service", ENDPOINT);
    named.forEach(weights::remove);
    SUPPORT_WORDS.forEach((word, k) -> {
      if (!whoMay && normalized.contains(" " + word + " ")) {
        weights.remove(k);
      }
    });
    Set<String> questionWords = new HashSet<>(List.of(normalized.strip().split(" ")));
    for (String held : heldKinds) {
      String[] kindWords = ResourceText.words(held).split(" ");
      Set<String> askedBy = kindWords.length > 1 ? PART_KINDS.get(kindWords[kindWords.length - 1]) : null;
      if (askedBy != null && !weights.containsKey(held) && askedBy.stream().noneMatch(questionWords::contains)) {
        weights.put(held, SUPPORT);
      }
    }
    if (ACCESS_WORDS.stream().anyMatch(questionWords::contains)) {
      RBAC.forEach(weights::remove);
    }
    if (whoMay) {
      RBAC.forEach(k -> weights.put(k, NAMED));
    }
    if (MONITORING_WORDS.stream().noneMatch(questionWords::contains)) {
      MONITORING_WIRING.stream().filter(k -> !named.contains(k)).forEach(k -> weights.put(k, SUPPORT));
    }
    for (String served : servedKinds(normalized, heldKinds)) {
      weights.put(served, SUPPORT);
      weights.remove(served + "Class");
    }
    kinds.forEach(weights::remove);
    boosted.forEach(k -> weights.put(k, NAMED));
    StringBuilder reworded = new StringBuilder(text);
    for (Map.Entry<Pattern, String> phrasing : REWORDED) {
      if (phrasing.getKey().matcher(text).find()) {
        reworded.append(phrasing.getValue());
      }
    }
    Matcher person = PERSON.matcher(text);
    while (person.find()) {
      if (person.start() > 0) {
        reworded.append(" (").append((person.group(1) + person.group(2)).toLowerCase(Locale.ROOT)).append(')');
      }
    }
    String ranked = reworded.toString();
    Matcher group = API_GROUP.matcher(text);
    Map<String, Double> groupWeights = new HashMap<>();
    if (group.find()) {
      String asked = group.group().toLowerCase(Locale.ROOT);
      // what serves a group is its custom resource definitions, which the question asks for too
      ranked += " (" + ResourceText.groupWords(asked) + ")";
      weights.remove("CustomResourceDefinition");
      groupWeights.put(asked, NAMED);
    }
    if (boosted.contains("Service")) {
      SERVICE_WORKLOADS.forEach(k -> weights.put(k, NAMED));
      // Matched as a word, "services" would favour every Service object over the topic's workloads.
      ranked = SERVICE_WORD.matcher(ranked).replaceAll("application$1");
    }
    // "who can read secrets in prod": cluster-wide bindings grant it in prod too.
    boolean clusterWide = whoMay && (namespace == null || namespace.isBlank());
    Filters filters = new Filters(kinds, ns, clusterWide,
        apiVersion == null || apiVersion.isBlank() ? null : apiVersion.strip(), labels);
    Map<String, Double> namespaceWeights = new HashMap<>();
    if (ns == null) {
      Set<String> environments = environments(normalized, false);
      if (!environments.isEmpty()) {
        Set<String> others = new HashSet<>(ENVIRONMENTS.values());
        others.removeAll(environments);
        environmentNamespaces(others, heldNamespaces, labelled)
            .forEach(n -> namespaceWeights.put(n, OTHER_ENVIRONMENT));
      }
      mentionedNamespaces(normalized, heldNamespaces).forEach(n -> namespaceWeights.put(n, NAMED));
    }
    double operatorWeight = OPERATOR_WORDS.stream().anyMatch(questionWords::contains) ? 1.0 : OPERATOR;
    return new SearchQuery(ranked, filters, weights, namespaceWeights, operatorWeight, BUILT_IN, max, mode,
        groupWeights);
  }

  /** The supplier's answer, asked for at most once: reading the labels reads every Namespace record. */
  private static <T> Supplier<T> once(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  /** The held kind a filter names, in any case or plural; an unknown kind is an error that lists them. */
  public static String canonicalKind(String kind, Set<String> heldKinds) {
    String wanted = kind.toLowerCase(Locale.ROOT);
    for (String held : heldKinds) {
      String lower = held.toLowerCase(Locale.ROOT);
      if (lower.equals(wanted) || plurals(lower).contains(wanted)) {
        return held;
      }
    }
    throw new IllegalArgumentException("unknown kind \"" + kind + "\"; kinds held: " + String.join(", ", heldKinds));
  }

  /**
   * Held kinds the question names as what a program serves ("ingress controllers", "gateway
   * controller"): it asks for the programs, so the kind's objects weigh as supporting ones, and its
   * class kind ({@code IngressClass}, {@code GatewayClass}), which names each such program, is no
   * longer machinery.
   */
  static Set<String> servedKinds(String normalized, Set<String> heldKinds) {
    Set<String> served = new LinkedHashSet<>();
    for (String held : heldKinds) {
      String spaced = ResourceText.words(held);
      List<String> forms = new ArrayList<>(plurals(spaced));
      forms.add(spaced);
      if (forms.stream().anyMatch(form -> normalized.contains(" " + form + " controller"))) {
        served.add(held);
      }
    }
    return served;
  }

  static Set<String> namedKinds(String normalized, Set<String> heldKinds) {
    Set<String> named = new LinkedHashSet<>();
    for (String held : heldKinds) {
      if (held.equals("Namespace")) {
        continue; // "in the production namespace" names a namespace, not the kind; "namespaces" is an alias
      }
      List<String> forms = new ArrayList<>();
      String lower = held.toLowerCase(Locale.ROOT);
      String spaced = ResourceText.words(held);
      forms.add(lower);
      forms.addAll(plurals(lower));
      forms.add(spaced);
      forms.addAll(plurals(spaced));
      for (String form : forms) {
        if (namesKind(normalized, form)) {
          named.add(held);
          break;
        }
      }
    }
    ALIASES.forEach((alias, k) -> {
      if (heldKinds.contains(k) && normalized.contains(" " + alias + " ")) {
        named.add(k);
      }
    });
    return named;
  }

  /**
   * Held kinds of two or more words whose last word the question uses, singular or plural:
   * "certificate issuers" asks for {@code ClusterIssuer}s, "admission policies" for Kyverno's
   * {@code ClusterPolicy}, though neither whole name is said. Not consulted when a built-in kind is
   * filtered on, and not for a word that is a held kind's whole name ("secrets" means Secrets
   * first, not every operator's secret kind) or part of a kind the question names whole ("kafka
   * topics" is {@code KafkaTopic}, not also Pub/Sub's {@code PubSubTopic}), nor for
   * {@link #GENERIC_LAST_WORDS}, nor when the word is a message queue's ("message queues" are
   * brokers, not Kueue's {@code ClusterQueue}). The kinds are lifted, never filtered on: the word may
   * still mean something else.
   */
  static Set<String> kindsByLastWord(String normalized, Set<String> heldKinds, Set<String> named) {
    Set<String> wholeNames = new HashSet<>();
    for (String held : heldKinds) {
      String lower = held.toLowerCase(Locale.ROOT);
      wholeNames.add(lower);
      wholeNames.addAll(plurals(lower));
    }
    for (String k : named) {
      for (String word : ResourceText.words(k).split(" ")) {
        wholeNames.add(word);
        wholeNames.addAll(plurals(word));
      }
    }
    Set<String> byLastWord = new LinkedHashSet<>();
    for (String held : heldKinds) {
      String[] kindWords = ResourceText.words(held).split(" ");
      String last = kindWords[kindWords.length - 1];
      if (kindWords.length < 2 || GENERIC_LAST_WORDS.contains(last) || wholeNames.contains(last)) {
        continue;
      }
      List<String> forms = new ArrayList<>(plurals(last));
      forms.add(last);
      if (forms.stream().anyMatch(form -> namesKind(normalized, form)
          && MESSAGING.stream().noneMatch(word -> normalized.contains(" " + word + " " + form + " ")))) {
        byLastWord.add(held);
      }
    }
    return byLastWord;
  }

  /**
   * Whether the form occurs as the thing asked for: not as part of a program's name ("ingress
   * controllers", "postgres operator") and not as a measure or circumstance ("on every node", "when
   * a configmap changes").
   */
  private static boolean namesKind(String normalized, String form) {
    String spaced = " " + form + " ";
    for (int at = normalized.indexOf(spaced); at >= 0; at = normalized.indexOf(spaced, at + 1)) {
      String after = normalized.substring(at + spaced.length());
      if (after.startsWith("controller") || after.startsWith("operator")) {
        continue;
      }
      int wordStart = normalized.lastIndexOf(' ', at - 1) + 1;
      if (at > 0 && QUANTIFIERS.contains(normalized.substring(wordStart, at))) {
        continue;
      }
      return true;
    }
    return false;
  }

  private static List<String> plurals(String word) {
    if (word.endsWith("y")) {
      return List.of(word.substring(0, word.length() - 1) + "ies", word + "s");
    }
    if (word.endsWith("s") || word.endsWith("x") || word.endsWith("ch") || word.endsWith("sh")) {
      return List.of(word + "es");
    }
    return List.of(word + "s");
  }

  /**
   * Held namespaces whose name the question uses as a word without saying "in" it: "services
   * related to payments" means the payments namespace's applications first, though not only them.
   */
  static Set<String> mentionedNamespaces(String normalized, Map<String, List<String>> heldNamespaces) {
    Set<String> mentioned = new LinkedHashSet<>();
    heldNamespaces.forEach((ns, forms) -> {
      if (!ns.equals(Resource.CLUSTER_SCOPE) && normalized.contains(forms.get(0)) && !namedAfterSoftware(forms.get(0))) {
        mentioned.add(ns);
      }
    });
    return mentioned;
  }

  /**
   * The environments the question names, in any usual spelling; with {@code asNamespace}, only
   * where it calls one a namespace ("production namespace"): "in production" may mean any
   * namespace without an environment in its name ({@code web} beside {@code web-staging}).
   */
  private static Set<String> environments(String normalized, boolean asNamespace) {
    Set<String> named = new HashSet<>();
    ENVIRONMENTS.forEach((word, environment) -> {
      String spaced = " " + word + " ";
      if (normalized.contains(spaced) && (!asNamespace || normalized.contains(spaced + "namespace ")
          || normalized.contains(" namespace" + spaced))) {
        named.add(environment);
      }
    });
    return named;
  }

  /**
   * Held namespaces named for one of the environments ({@code ehr-prod}, {@code stg}), found in
   * their spoken forms without splitting every namespace again per question. Where no name says so,
   * a name that production often goes by ({@code marketplace-live}); where none does either, the
   * namespaces whose labels declare the environment. Names come first: clusters often label every
   * namespace that serves production {@code env: prod}, beside the one namespace named for it.
   */
  private static Set<String> environmentNamespaces(Set<String> environments, Map<String, List<String>> heldNamespaces,
      Supplier<Map<String, String>> labelledEnvironments) {
    Set<String> found = new LinkedHashSet<>();
    if (environments.isEmpty()) {
      return found;
    }
    List<String> spellings = ENVIRONMENTS.entrySet().stream().filter(e -> environments.contains(e.getValue()))
        .map(e -> " " + e.getKey() + " ").toList();
    heldNamespaces.forEach((ns, forms) -> {
      if (spellings.stream().anyMatch(forms.get(0)::contains)) {
        found.add(ns);
      }
    });
    if (found.isEmpty() && environments.contains("production")) {
      heldNamespaces.forEach((ns, forms) -> {
        if (forms.get(0).contains(" live ")) {
          found.add(ns);
        }
      });
    }
    if (found.isEmpty()) {
      labelledEnvironments.get().forEach((ns, environment) -> {
        if (environments.contains(environment) && heldNamespaces.containsKey(ns)) {
          found.add(ns);
        }
      });
    }
    return found;
  }

  /**
   * The environment a Namespace's {@code env} or {@code environment} label declares ("live" is
   * production), or null.
   */
  public static String labelledEnvironment(Map<String, String> labels) {
    if (labels == null) {
      return null;
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      String key = label.getKey().substring(label.getKey().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      String value = label.getValue().toLowerCase(Locale.ROOT);
      if (ENVIRONMENT_KEYS.contains(key)) {
        return value.equals("live") ? "production" : ENVIRONMENTS.get(value);
      }
    }
    return null;
  }

  /**
   * A namespace named after the software it holds ({@code vault}, {@code nats}, {@code cert-manager}):
   * a question naming that software means it wherever it is used ("secrets synced from Vault" are in
   * the applications' namespaces), and the software's own records already match by their names.
   */
  private static boolean namedAfterSoftware(String spokenForm) {
    return !Categories.of(new LinkedHashSet<>(List.of(spokenForm.strip().split(" ")))).isEmpty();
  }

  /**
   * How each held namespace can be said ("payments-prod" as " payments prod " and " payments-prod "),
   * worked out once per set of namespaces rather than per question: a large cluster holds
   * thousands, and splitting each into words on every question cost milliseconds.
   */
  public static Map<String, List<String>> namespaceForms(Set<String> heldNamespaces) {
    Map<String, List<String>> forms = new LinkedHashMap<>();
    for (String ns : heldNamespaces) {
      forms.put(ns, List.copyOf(new LinkedHashSet<>(List.of(" " + ResourceText.words(ns) + " ",
          " " + ns.toLowerCase(Locale.ROOT) + " "))));
    }
    return forms;
  }

  /**
   * "in production namespace", "in the namespace payments", "in payments": only held namespaces.
   * An environment called a namespace means the one held namespace named for it ("production
   * namespace" → {@code ehr-prod}); with several ("payments-prod", "orders-prod") it filters none,
   * and only the other environments' namespaces are put lower.
   */
  static String namedNamespace(String normalized, Map<String, List<String>> heldNamespaces,
      Supplier<Map<String, String>> labelledEnvironments) {
    String named = null;
    int longest = 0;
    for (Map.Entry<String, List<String>> ns : heldNamespaces.entrySet()) {
      if (ns.getKey().equals(Resource.CLUSTER_SCOPE)) {
        continue; // "running in the cluster" means anywhere, not cluster-scoped objects only
      }
      for (String form : ns.getValue()) {
        // the longest wins: "in openshift-operators" names that namespace, not "openshift"
        if (form.length() > longest && normalized.contains(form) && (normalized.contains(form + "namespace ")
            || normalized.contains(" namespace" + form) || normalized.contains(" in" + form)
            || normalized.contains(" in the" + form))) {
          named = ns.getKey();
          longest = form.length();
        }
      }
    }
    if (named != null) {
      return named;
    }
    Set<String> environmentNamespaces =
        environmentNamespaces(environments(normalized, true), heldNamespaces, labelledEnvironments);
    return environmentNamespaces.size() == 1 ? environmentNamespaces.iterator().next() : null;
  }
}
