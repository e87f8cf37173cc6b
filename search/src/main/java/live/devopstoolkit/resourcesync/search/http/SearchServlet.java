package live.devopstoolkit.resourcesync.search.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import live.devopstoolkit.resourcesync.search.index.Mode;
import live.devopstoolkit.resourcesync.search.ranking.ResourceSearch;

/**
 * GET /api/v1/resources/search?q=&limit=&kind=&namespace=&apiVersion=: a JSON array of records,
 * best first, each with its score. {@code mode=keyword|vector} exists for measuring; the default
 * is the hybrid ranking MCP uses too.
 */
public final class SearchServlet extends HttpServlet {

  private final transient ResourceSearch search;

  public SearchServlet(ResourceSearch search) {
    this.search = search;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Integer limit;
    Mode mode;
    try {
      String l = request.getParameter("limit");
      limit = l == null || l.isBlank() ? null : Integer.valueOf(l.strip());
      String m = request.getParameter("mode");
      mode = m == null || m.isBlank() ? Mode.HYBRID : Mode.valueOf(m.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      Json.error(response, 400, "VALIDATION_ERROR", "limit must be a number and mode keyword, vector or hybrid");
      return;
    }
    try {
      Json.reply(response, 200, Json.hits(search.search(request.getParameter("q"), request.getParameter("kind"),
          request.getParameter("namespace"), request.getParameter("apiVersion"), limit, mode)));
    } catch (IllegalArgumentException e) {
      Json.error(response, 400, "VALIDATION_ERROR", e.getMessage());
    }
  }
}
