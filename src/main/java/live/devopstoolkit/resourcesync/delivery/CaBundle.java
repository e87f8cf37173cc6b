package live.devopstoolkit.resourcesync.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Trust for https MCP endpoints whose certificates a private CA signed (the usual case inside a
 * cluster): the PEM bundle replaces the JVM's default CAs for delivery.
 */
public final class CaBundle {

  private CaBundle() {
  }

  public static SSLContextParameters sslContextParameters(Path pem) throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    int index = 0;
    try (InputStream in = Files.newInputStream(pem)) {
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("ca-" + index++, certificate);
      }
    }
    if (index == 0) {
      throw new GeneralSecurityException("no certificate in CA bundle " + pem);
    }
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trusted);
    X509TrustManager trustManager = null;
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        trustManager = x509;
      }
    }
    TrustManagersParameters trustManagers = new TrustManagersParameters();
    trustManagers.setTrustManager(trustManager);
    SSLContextParameters parameters = new SSLContextParameters();
    parameters.setTrustManagers(trustManagers);
    return parameters;
  }
}
