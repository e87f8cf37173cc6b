package live.devopstoolkit.resourcesync.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import live.devopstoolkit.resourcesync.Application;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

/**
 * The controller as the jar runs it (same Main, same routes/ and config/application.properties),
 * started in-process against the test API server, with shorter intervals so tests finish quickly.
 */
public final class Controller implements AutoCloseable {

  private final Main main;
  private final int managementPort;
  private final int serverPort;

  private Controller(Main main, int managementPort, int serverPort) {
    this.main = main;
    this.managementPort = managementPort;
    this.serverPort = serverPort;
  }

  public static Controller start(ControlPlane controlPlane, Map<String, String> overrides) throws Exception {
    Main main = Application.create();
    int managementPort = freePort();
    int serverPort = freePort();
    main.addOverrideProperty("camel.management.port", String.valueOf(managementPort));
    main.addOverrideProperty("camel.server.port", String.valueOf(serverPort));
    main.addOverrideProperty("resource-sync.kubeconfig", controlPlane.kubeconfig().toString());
    // Tests isolate by namespace, so their configs live in many.
    main.addOverrideProperty("resource-sync.allowed-namespaces", "*");
    main.addOverrideProperty("resource-sync.discovery.interval-millis", "5000");
    main.addOverrideProperty("resource-sync.discovery.settle-millis", "1500");
    main.addOverrideProperty("resource-sync.status.interval-millis", "300");
    main.addOverrideProperty("resource-sync.delivery.redelivery-delay-millis", "100");
    main.addOverrideProperty("resource-sync.delivery.max-redelivery-delay-millis", "400");
    main.addOverrideProperty("resource-sync.delivery.pause-millis", "300");
    main.addOverrideProperty("resource-sync.delivery.max-pause-millis", "1000");
    main.addOverrideProperty("resource-sync.delivery.response-timeout-millis", "3000");
    main.addOverrideProperty("camel.main.shutdown-timeout", "10");
    overrides.forEach(main::addOverrideProperty);
    main.init();
    main.start();
    return new Controller(main, managementPort, serverPort);
  }

  /** The port of health, metrics and the developer console. */
  public int managementPort() {
    return managementPort;
  }

  /** The port of the embedded receiver, when enabled. */
  public int serverPort() {
    return serverPort;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public CamelContext camel() {
    return main.getCamelContext();
  }

  @Override
  public void close() throws Exception {
    main.stop();
  }
}
