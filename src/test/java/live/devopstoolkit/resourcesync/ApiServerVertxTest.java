package live.devopstoolkit.resourcesync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiServerVertxTest {

  static final String[] NETTY_DEFAULT = {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"};

  @Test
  void chaCha20IsOfferedFirstAndTheSuitesEnabledBeforeStayAfterIt() {
    String[] supported = {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"};

    assertThat(ApiServerVertx.chaCha20First(supported, NETTY_DEFAULT)).containsExactly(
        "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
  }

  @Test
  void aJvmWithoutChaCha20KeepsItsSuitesAsTheyWere() {
    assertThat(ApiServerVertx.chaCha20First(NETTY_DEFAULT, NETTY_DEFAULT)).containsExactly(NETTY_DEFAULT);
  }
}
