package live.devopstoolkit.resourcesync.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How the receiver answers a free-text question over its records. Keyword matching today; kept
 * behind this interface so semantic search can replace it without touching the routes.
 */
public interface ResourceSearch {

  List<JsonNode> search(List<JsonNode> records, String query, int limit);
}
