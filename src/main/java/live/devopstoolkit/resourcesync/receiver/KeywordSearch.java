package live.devopstoolkit.resourcesync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores each record by the query's words found in it, a word of its labels or description
 * annotations counting twice one of its kind, name or namespace, and returns the best first;
 * question words ("which", "are", "running") are ignored. "database" finds a StatefulSet labelled
 * {@code app=postgres} only if a label or description says "database": that gap is what semantic
 * search will close.
 */
public class KeywordSearch implements ResourceSearch {

  private static final Set<String> IGNORED = Set.of("which", "what", "where", "who", "how", "are", "is", "we",
      "our", "the", "an", "all", "any", "in", "of", "for", "to", "on", "with", "and", "or", "me", "show", "list",
      "find", "get", "running", "run", "there", "related", "that", "do", "have", "us", "my");

  @Override
  public List<JsonNode> search(List<JsonNode> records, String query, int limit) {
    Set<String> words = words(query);
    words.removeAll(IGNORED);
    if (words.isEmpty()) {
      return List.of();
    }
    return records.stream()
        .map(r -> Map.entry(r, score(words(identity(r)), words(description(r)), words)))
        .filter(e -> e.getValue() > 0)
        .sorted(Comparator.<Map.Entry<JsonNode, Integer>>comparingInt(Map.Entry::getValue).reversed())
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  private static int score(Set<String> identity, Set<String> description, Set<String> queryWords) {
    int score = 0;
    for (String word : queryWords) {
      score += description.contains(word) ? 2 : identity.contains(word) ? 1 : 0;
    }
    return score;
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (word.length() > 1) {
        words.add(stem(word));
      }
    }
    return words;
  }

  private static String identity(JsonNode record) {
    return record.path("kind").asText() + " " + record.path("name").asText() + " " + record.path("namespace").asText();
  }

  private static String description(JsonNode record) {
    StringBuilder text = new StringBuilder();
    record.path("labels").fields().forEachRemaining(e -> text.append(e.getKey()).append(' ')
        .append(e.getValue().asText()).append(' '));
    record.path("annotations").forEach(v -> text.append(v.asText()).append(' '));
    return text.toString();
  }

  /** "databases" finds "database", "deployments" finds "deployment". */
  private static String stem(String word) {
    return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
  }
}
