package live.devopstoolkit.resourcesync;

import io.netty.handler.ssl.DelegatingSslContext;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.impl.VertxWrapper;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * The Vert.x that fabric8's clients build their HTTP clients on, tuned for what the controller does
 * with them: receive lists and watch events from the API server over TLS, on a JVM that compiles
 * with C1 only ({@code config/jvm.options}). Decrypting was the largest single cost of the initial
 * sync, and two settings make it cheaper without changing what is received:
 * <ul>
 *   <li>Compressed responses. Asked with {@code Accept-Encoding}, the API server gzips responses over
 *       128 KiB: a list of metadata shrinks about tenfold, so a tenth of the bytes is decrypted, and
 *       they are inflated by the JDK's native zlib. Watch streams are not compressed.</li>
 *   <li>ChaCha20-Poly1305 offered first. Under C1 the JDK has no AES-GCM intrinsics, and ChaCha20
 *       costs about a third as much. A Go TLS server (the API server) takes a client's first
 *       preference for ChaCha20 as a sign that it lacks AES hardware and picks it. The AES-GCM suites
 *       stay offered after it, for a server that refuses ChaCha20.</li>
 * </ul>
 * fabric8 7.5.2's Vert.x builder makes the client's options itself and never calls its factory's
 * hook for them ({@code VertxHttpClientFactory.additionalConfig}), so they are tuned where the
 * builder hands them to Vert.x. Its cipher list is Netty's, set on each engine, so ChaCha20 is put
 * first on each engine it makes.
 */
final class ApiServerVertx extends VertxWrapper {

  private static final List<String> CHACHA20_FIRST = List.of("TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  ApiServerVertx(Vertx vertx) {
    super((VertxInternal) vertx);
  }

  @Override
  public HttpClient createHttpClient(HttpClientOptions options) {
    options.setDecompressionSupported(true);
    if (options.getSslEngineOptions() != null) {
      options.setSslEngineOptions(chaCha20First(options.getSslEngineOptions()));
    }
    return delegate.createHttpClient(options);
  }

  /** Cipher suites in the order a client is to offer them: ChaCha20 first, then the rest as they were. */
  static String[] chaCha20First(String[] supported, String[] enabled) {
    List<String> order = new ArrayList<>();
    List<String> supportedList = Arrays.asList(supported);
    CHACHA20_FIRST.stream().filter(supportedList::contains).forEach(order::add);
    Arrays.stream(enabled).filter(suite -> !order.contains(suite)).forEach(order::add);
    return order.toArray(String[]::new);
  }

  /**
   * fabric8's engine options (its SSL context, with the kubeconfig's keys) with the suites reordered.
   * An anonymous class: javac cannot compile a named subclass without Vert.x's codegen annotations.
   */
  private static JdkSSLEngineOptions chaCha20First(SSLEngineOptions original) {
    return new JdkSSLEngineOptions() {
      @Override
      public SslContextFactory sslContextFactory() {
        SslContextFactory factory = original.sslContextFactory();
        return () -> new DelegatingSslContext(factory.create()) {
          @Override
          protected void initEngine(SSLEngine engine) {
            engine.setEnabledCipherSuites(chaCha20First(engine.getSupportedCipherSuites(), engine.getEnabledCipherSuites()));
          }
        };
      }

      @Override
      public JdkSSLEngineOptions copy() {
        return chaCha20First(original.copy());
      }
    };
  }
}
