package live.devopstoolkit.resourcesync;

import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Vert.x for the whole controller. Each fabric8 client otherwise starts a Vert.x of its own
 * (the controller has two: the ordinary one and the metadata-only one of the informers), and
 * Camel's management server a third; each is event-loop threads, buffers and start-up time. Bound
 * in Camel's registry, it is the one Camel's HTTP servers find and use; given to the clients'
 * builders, the one they send with. It is made the way fabric8 makes its own: daemon threads, no
 * file cache or class-path resolving (the root filesystem is read-only in the cluster), and the
 * JVM's name resolution rather than Vert.x's own. Closed once Camel has stopped, after every
 * service that uses it (a Camel service of its own would be stopped before Camel's HTTP servers).
 */
final class SharedVertx extends LifecycleStrategySupport {

  private static final Logger LOG = LoggerFactory.getLogger(SharedVertx.class);

  private final Vertx vertx;
  private final HttpClient.Factory httpClients;

  SharedVertx() {
    if (System.getProperty("vertx.disableDnsResolver") == null) {
      System.setProperty("vertx.disableDnsResolver", "true");
    }
    vertx = Vertx.vertx(new VertxOptions().setUseDaemonThread(true).setFileSystemOptions(
        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
    httpClients = new VertxHttpClientFactory(vertx);
  }

  Vertx vertx() {
    return vertx;
  }

  /** Builds fabric8 HTTP clients on this Vert.x; closing such a client leaves the Vert.x running. */
  HttpClient.Factory httpClients() {
    return httpClients;
  }

  @Override
  public void onContextStopped(CamelContext context) {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("event=vertx-close-failed error=\"{}\"", e.getMessage());
    }
  }
}
