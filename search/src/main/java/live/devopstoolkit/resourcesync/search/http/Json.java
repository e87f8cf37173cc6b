package live.devopstoolkit.resourcesync.search.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import live.devopstoolkit.resourcesync.search.index.Hit;

/** JSON replies, and the one shape of a ranked record that REST and MCP both use. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {
  }

  public static void reply(HttpServletResponse response, int status, JsonNode body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    MAPPER.writeValue(response.getOutputStream(), body);
  }

  public static void error(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("success", false);
    node.putObject("error").put("code", code).put("message", message);
    reply(response, status, node);
  }

  /** A record with its id, group and score, as the existing MCP server's search answers. */
  public static ObjectNode hit(Hit hit) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", hit.resource().id());
    node.setAll(hit.resource().toJson());
    node.put("apiGroup", hit.resource().group());
    node.put("score", Math.round(hit.score() * 10000) / 10000.0);
    return node;
  }

  public static ArrayNode hits(List<Hit> hits) {
    ArrayNode array = MAPPER.createArrayNode();
    hits.forEach(h -> array.add(hit(h)));
    return array;
  }
}
