package live.devopstoolkit.resourcesync.search.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import live.devopstoolkit.resourcesync.search.index.InventoryIndex;

/**
 * GET /healthz without a token, for probes: up once the model and the index are open. It also says
 * how many records wait to be embedded, so an operator (and the benchmark) sees a large first sync
 * finish.
 */
public final class HealthServlet extends HttpServlet {

  private final transient InventoryIndex index;

  public HealthServlet(InventoryIndex index) {
    this.index = index;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Json.reply(response, 200, Json.MAPPER.createObjectNode().put("status", "UP").put("records", index.size())
        .put("embeddingPending", index.pending()));
  }
}
