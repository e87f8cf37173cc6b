package live.devopstoolkit.resourcesync;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Security;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts Amazon Corretto Crypto Provider (AWS-LC, native) first among the JVM's security providers,
 * so TLS with the API server and the receivers runs its AES-GCM in native code. The JDK's provider
 * runs it as Java code, which the controller's C1-only JIT (config/jvm.options) compiles without
 * the CPU's AES instructions: about 20 MB/s, against about 900 MB/s native on this project's
 * benchmark machine. Every list page and watch event crosses that cipher: a change costs 9% less
 * CPU with it (bench/RESULTS.md).
 *
 * <p>Loading it (its self-tests included) takes about a quarter of a second, so it runs beside
 * Camel's boot rather than before it; a connection opened before it is ready uses the JDK's
 * providers, as every connection does where the library cannot load (another CPU architecture; a
 * jar run without config/jvm.options, which names the library the build unpacked, and without a
 * writable temporary directory to write out the jar's own copy). Either way TLS behaves the same;
 * only its cost differs. {@code -D}{@value #SWITCH}{@code =false} keeps the JDK's providers, for a
 * site that must use its own.
 */
final class NativeCrypto {

  private static final Logger LOG = LoggerFactory.getLogger(NativeCrypto.class);

  static final String SWITCH = "resourcesync.nativeCrypto";

  private NativeCrypto() {
  }

  /** The thread installing it, or null when switched off. */
  static Thread installInBackground() {
    if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
      return null;
    }
    Thread loader = new Thread(NativeCrypto::install, "native-crypto");
    loader.setDaemon(true);
    loader.start();
    return loader;
  }

  private static void install() {
    try {
      AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
      Throwable error = provider.getLoadingError();
      if (error != null) {
        LOG.info("event=native-crypto-unavailable provider=jdk reason=\"{}\"", error.toString());
        return;
      }
      provider.assertHealthy();
      Security.insertProviderAt(provider, 1);
      LOG.info("event=native-crypto provider={} version={}", provider.getName(), provider.getVersionStr());
    } catch (RuntimeException | LinkageError e) {
      LOG.info("event=native-crypto-unavailable provider=jdk reason=\"{}\"", e.toString());
    }
  }
}
