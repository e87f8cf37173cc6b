package live.devopstoolkit.resourcesync;

import java.security.Security;
import javax.crypto.Cipher;

/**
 * Installs the provider as the controller does, in a JVM of its own (the provider loads once per
 * JVM), and prints which providers then serve TLS, for {@link NativeCryptoTest}.
 */
final class NativeCryptoProbe {

  private NativeCryptoProbe() {
  }

  public static void main(String[] args) throws Exception {
    Thread loader = NativeCrypto.installInBackground();
    loader.join(60_000);
    System.out.println("probe first-provider=" + Security.getProviders()[0].getName());
    System.out.println("probe aes-gcm=" + Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
  }
}
