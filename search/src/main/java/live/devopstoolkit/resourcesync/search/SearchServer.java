package live.devopstoolkit.resourcesync.search;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import live.devopstoolkit.resourcesync.search.embedding.MiniLmEmbedder;
import live.devopstoolkit.resourcesync.search.embedding.NativeLibraries;
import live.devopstoolkit.resourcesync.search.http.BearerAuthFilter;
import live.devopstoolkit.resourcesync.search.http.HealthServlet;
import live.devopstoolkit.resourcesync.search.http.KindsServlet;
import live.devopstoolkit.resourcesync.search.http.SearchServlet;
import live.devopstoolkit.resourcesync.search.http.SyncServlet;
import live.devopstoolkit.resourcesync.search.index.LuceneInventoryIndex;
import live.devopstoolkit.resourcesync.search.ranking.ResourceSearch;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search server: one Jetty listener (port 3456, as in the guide's mcpEndpoint) with the sync
 * endpoint, REST search and health. It owns the index and the model; the controller has neither.
 */
public final class SearchServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SearchServer.class);

  private final MiniLmEmbedder embedder;
  private final LuceneInventoryIndex index;
  private final Server jetty;

  public SearchServer(SearchSettings settings) throws Exception {
    NativeLibraries.extractInto(settings.nativeDir());
    long start = System.nanoTime();
    embedder = new MiniLmEmbedder();
    embedder.embed("warm up");
    index = new LuceneInventoryIndex(settings.indexDir(), embedder);
    LOG.info("event=index-opened dir={} records={} ms={}", settings.indexDir(), index.size(),
        (System.nanoTime() - start) / 1_000_000);
    ResourceSearch search = new ResourceSearch(index);

    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addFilter(new FilterHolder(new BearerAuthFilter(settings.token())), "/api/*",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new SyncServlet(index)), "/api/v1/resources/sync");
    context.addServlet(new ServletHolder(new SearchServlet(search)), "/api/v1/resources/search");
    context.addServlet(new ServletHolder(new KindsServlet(index)), "/api/v1/resources/kinds");
    context.addServlet(new ServletHolder(new HealthServlet(index)), "/healthz");
    jetty.setHandler(context);
    jetty.start();
    LOG.info("event=listening host={} port={}", settings.host(), port());
  }

  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  public LuceneInventoryIndex index() {
    return index;
  }

  public MiniLmEmbedder embedder() {
    return embedder;
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
    index.close();
    embedder.close();
  }

  public static void main(String[] args) throws Exception {
    SearchServer server = new SearchServer(SearchSettings.fromEnvironment(System.getenv()));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        LOG.warn("event=shutdown-failed error=\"{}\"", e.toString());
      }
    }, "shutdown"));
    server.jetty.join();
  }
}
