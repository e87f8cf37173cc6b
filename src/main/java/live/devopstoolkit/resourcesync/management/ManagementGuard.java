package live.devopstoolkit.resourcesync.management;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Keeps the developer console a local-run tool. The management port must be reachable by the
 * kubelet and Prometheus in a cluster, so a console on it would be reachable too; the console is
 * therefore only allowed when the whole management server listens on loopback.
 */
public final class ManagementGuard {

  private ManagementGuard() {
  }

  /** Throws when the console is on and the management host is not a loopback address. */
  public static void checkDevConsole(boolean devConsoleEnabled, String managementHost) {
    if (devConsoleEnabled && !isLoopback(managementHost)) {
      throw new IllegalStateException("resource-sync.dev-console.enabled=true needs camel.management.host on "
          + "loopback (127.0.0.1 or localhost), not '" + managementHost + "': the developer console is for local "
          + "runs only");
    }
  }

  static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host.strip())) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
