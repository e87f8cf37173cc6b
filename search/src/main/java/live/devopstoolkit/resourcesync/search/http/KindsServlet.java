package live.devopstoolkit.resourcesync.search.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import live.devopstoolkit.resourcesync.search.index.InventoryIndex;

/** GET /api/v1/resources/kinds: records per kind, as JSON. */
public final class KindsServlet extends HttpServlet {

  private final transient InventoryIndex index;

  public KindsServlet(InventoryIndex index) {
    this.index = index;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Json.reply(response, 200, Json.MAPPER.valueToTree(index.kinds()));
  }
}
