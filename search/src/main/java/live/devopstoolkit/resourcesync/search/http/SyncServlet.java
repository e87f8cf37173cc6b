package live.devopstoolkit.resourcesync.search.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import live.devopstoolkit.resourcesync.search.index.InventoryIndex;
import live.devopstoolkit.resourcesync.search.inventory.SyncProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POST /api/v1/resources/sync: the protocol's endpoint, feeding the index. */
public final class SyncServlet extends HttpServlet {

  private static final Logger LOG = LoggerFactory.getLogger(SyncServlet.class);
  private final transient InventoryIndex index;

  public SyncServlet(InventoryIndex index) {
    this.index = index;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long start = System.nanoTime();
    SyncProtocol.Reply reply = SyncProtocol.handle(request.getInputStream(), batch -> {
      var outcome = index.apply(batch);
      LOG.info("event=synced resync={} upserts={} deletes={} upserted={} deleted={} embedded={} embedding-behind={} "
          + "records={} ms={}", batch.resync(), batch.upserts().size(), batch.deletes().size(), outcome.upserted(),
          outcome.deleted(), outcome.embedded(), outcome.embeddingBehind(), index.size(),
          (System.nanoTime() - start) / 1_000_000);
      return outcome;
    });
    if (reply.status() != 200) {
      LOG.warn("event=sync-rejected status={} error=\"{}\"", reply.status(), reply.body().path("error").path("message")
          .asText());
    }
    Json.reply(response, reply.status(), reply.body());
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Json.error(response, 405, "METHOD_NOT_ALLOWED", "use POST");
  }
}
