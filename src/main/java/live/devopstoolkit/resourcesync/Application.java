package live.devopstoolkit.resourcesync;

import org.apache.camel.main.Main;

/** Runs the controller: {@code java -jar target/resource-sync-controller.jar}. */
public final class Application {

  /**
   * The packaged {@code application.properties} comes first; a {@code config/application.properties}
   * in the working directory (the repository's, or one mounted in a container) overrides it, and
   * environment variables override both.
   */
  static final String PROPERTY_LOCATIONS =
      "classpath:application.properties;optional=true,file:config/application.properties;optional=true";

  private Application() {
  }

  public static void main(String[] args) throws Exception {
    NativeCrypto.installInBackground();
    create().run(args);
  }

  /** The controller as {@code main} runs it; tests start the same one in-process. */
  public static Main create() {
    // Not Main(Application.class): that also scans this package for CamelConfigurations, and the
    // one named in camel.main.configuration-classes would be configured twice.
    Main main = new Main();
    main.setDefaultPropertyPlaceholderLocation(PROPERTY_LOCATIONS);
    return main;
  }
}
