package live.devopstoolkit.resourcesync.search.ranking;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import live.devopstoolkit.resourcesync.search.inventory.Resource;

/**
 * The text a record is searched by, built from what the protocol syncs. Identifiers are split into
 * words ({@code StatefulSet} → "stateful set", {@code payments-db} → "payments db") because neither
 * the model's tokenizer nor BM25 sees words inside them; label keys lose their well-known prefixes;
 * values that carry no meaning (hashes, versions) are dropped. Well-known software found in the
 * record adds its category ("postgres" adds "database"): names rarely say what a thing is, and a
 * small embedding model links "database" to "postgres" only weakly.
 */
public final class ResourceText {

  private static final List<String> KEY_PREFIXES = List.of("app.kubernetes.io/", "helm.sh/",
      "kubernetes.io/", "k8s.io/");
  private static final Set<String> NOISE_KEYS = Set.of("pod-template-hash", "controller-revision-hash",
      "statefulset.kubernetes.io/pod-name", "pod-template-generation", "controller-uid", "batch.kubernetes.io/controller-uid",
      "apps.kubernetes.io/pod-index", "batch.kubernetes.io/job-name", "job-name");
  /** Labels every Helm release carries; they say how a thing was installed, not what it is. */
  private static final Set<String> INSTALL_KEYS = Set.of("app.kubernetes.io/managed-by", "helm.sh/chart",
      "app.kubernetes.io/version", "chart", "heritage");
  /**
   * Kubernetes' own groups whose every kind says what it is without them: "group apps" on every
   * Deployment, ReplicaSet and StatefulSet is three tokens the model reads on most records of a
   * cluster and learns nothing from.
   */
  private static final Set<String> GROUPS_KINDS_SAY = Set.of("apps", "batch", "autoscaling", "policy");
  private static final Set<String> GROUP_FILLER = Set.of("com", "io", "org", "net", "dev", "sh", "co", "do", "in",
      "k8s", "x", "operator");
  /** Length of the random suffix Kubernetes appends to a generateName. */
  private static final int GENERATED_SUFFIX = 5;
  private static final Pattern NOISE_VALUE = Pattern.compile("[0-9a-f]{8,}|v?\\d+([.\\-_]\\d+)*([.\\-+][0-9a-z.]+)?");
  private static final Pattern WORD_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");

  private ResourceText() {
  }

  /** The sentence the model embeds: short, natural, most telling words first. */
  public static String forEmbedding(Resource r) {
    StringBuilder text = new StringBuilder();
    String name = words(givenName(r));
    text.append(words(r.kind())).append(' ').append(name);
    String meaning = KindGlossary.meaning(r.kind());
    if (meaning != null) {
      text.append(" (").append(meaning).append(')');
    }
    if (!r.clusterScoped()) {
      text.append(" in namespace ").append(words(r.namespace()));
    }
    String group = GROUPS_KINDS_SAY.contains(r.group()) ? "" : groupWords(r.group());
    if (!group.isEmpty()) {
      text.append(", group ").append(group);
    }
    List<String> labels = labelPhrases(r.labels(), name);
    if (!labels.isEmpty()) {
      text.append(". ").append(String.join(", ", labels));
    }
    for (String description : r.annotations().values()) {
      text.append(". ").append(description.length() > 300 ? description.substring(0, 300) : description);
    }
    Set<String> categories = Categories.of(vocabulary(r));
    if (!categories.isEmpty()) {
      text.append(". ").append(String.join(", ", categories));
    }
    return text.toString();
  }

  /**
   * The part of a name that a person chose. Controllers append a template hash and a random suffix
   * ({@code payments-api-7d9f8b6c5-x2x4q}); to the model those are a dozen tokens of noise, and
   * without them the replicas of one workload share one text, embedded once. BM25 still sees the
   * full name.
   */
  static String givenName(Resource r) {
    String name = r.name();
    String hash = r.labels().get("pod-template-hash");
    if (hash != null && !hash.isEmpty()) {
      int at = name.indexOf("-" + hash);
      return at > 0 ? name.substring(0, at) : name;
    }
    boolean generated = r.kind().equals("Pod") && !r.labels().containsKey("statefulset.kubernetes.io/pod-name")
        && (r.labels().containsKey("controller-revision-hash") || r.labels().containsKey("job-name")
            || r.labels().containsKey("batch.kubernetes.io/job-name"));
    int dash = name.lastIndexOf('-');
    return generated && dash > 0 && name.length() - dash - 1 == GENERATED_SUFFIX ? name.substring(0, dash) : name;
  }

  /** The text BM25 scores: the same words, and the raw identifiers, so exact names match too. */
  public static String forKeywords(Resource r) {
    return forKeywords(r, forEmbedding(r));
  }

  /** {@link #forKeywords(Resource)} when the record's embedding text is already built. */
  public static String forKeywords(Resource r, String embeddingText) {
    StringBuilder text = new StringBuilder(embeddingText);
    text.append(' ').append(r.name()).append(' ').append(r.kind());
    r.labels().forEach((k, v) -> text.append(' ').append(v));
    return text.toString();
  }

  /** Words of the record's identifiers and labels, lower case, for category lookup. */
  static Set<String> vocabulary(Resource r) {
    Set<String> words = new LinkedHashSet<>();
    addWords(words, r.name());
    addWords(words, r.kind());
    addWords(words, r.group());
    r.labels().forEach((k, v) -> {
      if (NOISE_KEYS.contains(k)) {
        return;
      }
      addWords(words, keyDomain(k));
      // Who installed a thing (Helm, Argo CD) says nothing of what it is; an operator managing it does.
      if (!INSTALL_KEYS.contains(k) || v.toLowerCase(Locale.ROOT).contains("operator")) {
        addWords(words, v);
      }
    });
    r.annotations().forEach((k, v) -> {
      addWords(words, keyDomain(k));
      addWords(words, v);
    });
    return words;
  }

  /**
   * The domain of a prefixed label or annotation key ({@code clickhouse.altinity.com/chi} →
   * "clickhouse.altinity.com"): operators stamp their own domain on what they create, so it names
   * the product when neither the object's name nor its label values do.
   */
  private static String keyDomain(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? "" : key.substring(0, slash);
  }

  private static void addWords(Set<String> into, String text) {
    addSplit(into, text.toLowerCase(Locale.ROOT));
    // "CloudNativePG", "RabbitmqCluster": camel case hides the product name.
    addSplit(into, CAMEL.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT));
  }

  /** The words, and each two neighbours joined: "fluent-bit" is the product "fluentbit". */
  private static void addSplit(Set<String> into, String text) {
    String previous = null;
    for (String word : WORD_SPLIT.split(text)) {
      if (word.isEmpty()) {
        continue;
      }
      into.add(word);
      if (previous != null) {
        into.add(previous + word);
      }
      previous = word;
    }
  }

  /**
   * Label phrases worth embedding: not install bookkeeping, not a repeat of another label, and not
   * words the name already says (Helm's {@code name=api} and {@code instance=payments-api} on
   * {@code payments-api-config}): repeats add tokens, and the model's time grows with every token.
   */
  private static List<String> labelPhrases(Map<String, String> labels, String nameWords) {
    List<String> phrases = new ArrayList<>();
    Set<String> seenValues = new LinkedHashSet<>();
    Set<String> named = Set.copyOf(List.of(nameWords.split(" ")));
    labels.forEach((key, value) -> {
      if (NOISE_KEYS.contains(key) || INSTALL_KEYS.contains(key) || value.isEmpty()
          || NOISE_VALUE.matcher(value).matches()) {
        return;
      }
      String valueWords = words(value);
      if (valueWords.isEmpty() || named.containsAll(List.of(valueWords.split(" "))) || !seenValues.add(valueWords)) {
        return;
      }
      phrases.add(words(stripPrefix(key)) + " " + valueWords);
    });
    return phrases;
  }

  private static String stripPrefix(String key) {
    for (String prefix : KEY_PREFIXES) {
      if (key.startsWith(prefix)) {
        return key.substring(prefix.length());
      }
    }
    int slash = key.indexOf('/');
    return slash < 0 ? key : key.substring(slash + 1);
  }

  /**
   * An API group's telling words: "operator.victoriametrics.com" → "victoriametrics". Domain
   * endings and "operator" (every operator's group may say it) would make unrelated custom
   * resources look alike.
   */
  static String groupWords(String group) {
    List<String> kept = new ArrayList<>();
    for (String word : words(group).split(" ")) {
      if (!word.isEmpty() && !GROUP_FILLER.contains(word)) {
        kept.add(word);
      }
    }
    return String.join(" ", kept);
  }

  /** "StatefulSet" → "stateful set"; "payments-db.v2" → "payments db v2". */
  public static String words(String identifier) {
    String spaced = CAMEL.matcher(identifier).replaceAll(" ");
    return String.join(" ", WORD_SPLIT.split(spaced.toLowerCase(Locale.ROOT))).trim();
  }
}
