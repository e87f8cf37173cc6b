package live.devopstoolkit.resourcesync.search.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import live.devopstoolkit.resourcesync.search.inventory.Resource;

/** The judged set in src/test/resources/eval: an inventory and questions with their relevant ids. */
public final class EvalSet {

  public record Question(String text, Set<String> relevant) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalSet() {
  }

  public static List<Resource> inventory() {
    List<Resource> records = new ArrayList<>();
    read("/eval/inventory.json").forEach(n -> records.add(Resource.fromJson(n)));
    return records;
  }

  public static List<Question> questions() {
    List<Question> questions = new ArrayList<>();
    for (JsonNode q : read("/eval/questions.json")) {
      Set<String> relevant = new TreeSet<>();
      q.path("relevant").forEach(id -> relevant.add(id.asText()));
      questions.add(new Question(q.path("question").asText(), relevant));
    }
    return questions;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = EvalSet.class.getResourceAsStream(resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
