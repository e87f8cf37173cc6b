package live.devopstoolkit.resourcesync.management;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManagementGuardTest {

  @Test
  void theConsoleNeedsALoopbackManagementHost() {
    assertThatCode(() -> ManagementGuard.checkDevConsole(true, "127.0.0.1")).doesNotThrowAnyException();
    assertThatCode(() -> ManagementGuard.checkDevConsole(true, "localhost")).doesNotThrowAnyException();
    assertThatCode(() -> ManagementGuard.checkDevConsole(false, "0.0.0.0")).doesNotThrowAnyException();
    assertThatThrownBy(() -> ManagementGuard.checkDevConsole(true, "0.0.0.0"))
        .hasMessageContaining("camel.management.host on loopback");
    assertThatThrownBy(() -> ManagementGuard.checkDevConsole(true, "")).isInstanceOf(IllegalStateException.class);
  }
}
