package live.devopstoolkit.resourcesync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NativeCryptoTest {

  @AfterEach
  void jdkProvidersOnlyAgain() {
    Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
  }

  /** The image and CI are Linux on x86-64, the platform whose library the build ships. */
  @Test
  void tlsCiphersComeFromTheNativeProviderOnceInstalled() throws Exception {
    assumeTrue("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch")),
        "the native library shipped is for Linux on x86-64");
    Thread loader = NativeCrypto.installInBackground();
    assertThat(loader).isNotNull();
    loader.join(60_000);
    assertThat(Security.getProviders()[0].getName()).isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
    assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName())
        .isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
  }

  @Test
  void theSwitchKeepsTheJdkProviders() throws Exception {
    System.setProperty(NativeCrypto.SWITCH, "false");
    try {
      assertThat(NativeCrypto.installInBackground()).isNull();
    } finally {
      System.clearProperty(NativeCrypto.SWITCH);
    }
  }

  /**
   * Where the library cannot be written out (no writable temporary directory here: /proc refuses
   * even root), the JDK's providers keep serving and a log line says why.
   */
  @Test
  void withoutAWritableTemporaryDirectoryTheJdkProvidersServe() throws Exception {
    Path log = Path.of("target", "native-crypto-probe.log");
    Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=/proc",
        NativeCryptoProbe.class.getName())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(probe.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
    String output = Files.readString(log);
    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("event=native-crypto-unavailable provider=jdk")
        .contains("probe first-provider=SUN")
        .contains("probe aes-gcm=SunJCE");
  }
}
