package live.devopstoolkit.resourcesync.search;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import live.devopstoolkit.resourcesync.search.embedding.MiniLmEmbedder;
import live.devopstoolkit.resourcesync.search.embedding.NativeLibraries;
import live.devopstoolkit.resourcesync.search.http.BearerAuthFilter;
import live.devopstoolkit.resourcesync.search.http.HealthServlet;
import live.devopstoolkit.resourcesync.search.http.Json;
import live.devopstoolkit.resourcesync.search.http.KindsServlet;
import live.devopstoolkit.resourcesync.search.http.SearchServlet;
import live.devopstoolkit.resourcesync.search.http.SyncServlet;
import live.devopstoolkit.resourcesync.search.index.LuceneInventoryIndex;
import live.devopstoolkit.resourcesync.search.live.LiveResources;
import live.devopstoolkit.resourcesync.search.mcp.ResourceTools;
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
 * endpoint, REST search, the MCP endpoint (streamable HTTP at /mcp) and health, all but health
 * behind the bearer token. It owns the index and the model; the controller has neither.
 */
public final class SearchServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SearchServer.class);

  private final MiniLmEmbedder embedder;
  private final LuceneInventoryIndex index;
  private final Server jetty;
  private final McpSyncServer mcp;
  private final HttpServletStreamableServerTransportProvider transport;
  private final KubernetesClient kubernetes;

  /** {@code kubernetes} reads live state for get_resource; null leaves that tool answering that it cannot. */
  public SearchServer(SearchSettings settings, KubernetesClient kubernetes) throws Exception {
    this.kubernetes = kubernetes;
    NativeLibraries.extractInto(settings.nativeDir());
    long start = System.nanoTime();
    embedder = new MiniLmEmbedder();
    embedder.embed("warm up");
    index = new LuceneInventoryIndex(settings.indexDir(), embedder, settings.embedBehindAbove());
    LOG.info("event=index-opened dir={} records={} ms={}", settings.indexDir(), index.size(),
        (System.nanoTime() - start) / 1_000_000);
    ResourceSearch search = new ResourceSearch(index);
    transport = HttpServletStreamableServerTransportProvider.builder()
        .jsonMapper(new JacksonMcpJsonMapper(Json.MAPPER)).mcpEndpoint("/mcp").build();
    mcp = McpServer.sync(transport).serverInfo("resource-sync-search", "0.1.0")
        .instructions("Answers questions about the resources of a Kubernetes cluster: find them with "
            + "search_resources (plain words) or query_resources (exact filters), then read their live state "
            + "with get_resource.")
        .capabilities(ServerCapabilities.builder().tools(true).build())
        .tools(new ResourceTools(search, kubernetes == null ? null : new LiveResources(kubernetes)).tools())
        .build();

    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    FilterHolder auth = new FilterHolder(new BearerAuthFilter(settings.token()));
    context.addFilter(auth, "/api/*", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(auth, "/mcp", EnumSet.of(DispatcherType.REQUEST));
    context.addFilter(auth, "/mcp/*", EnumSet.of(DispatcherType.REQUEST));
    ServletHolder mcpServlet = new ServletHolder(transport);
    mcpServlet.setAsyncSupported(true);
    context.addServlet(mcpServlet, "/mcp");
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
    mcp.closeGracefully();
    jetty.stop();
    transport.destroy();
    if (kubernetes != null) {
      kubernetes.close();
    }
    index.close();
    embedder.close();
  }

  public static void main(String[] args) throws Exception {
    SearchSettings settings = SearchSettings.fromEnvironment(System.getenv());
    SearchServer server = new SearchServer(settings,
        settings.kubernetes() ? new KubernetesClientBuilder().build() : null);
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
