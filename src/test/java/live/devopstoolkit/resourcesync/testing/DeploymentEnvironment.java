package live.devopstoolkit.resourcesync.testing;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The settings the shipped Deployment gives the controller through its environment, as the property
 * overrides an in-process controller needs: each env var that names an entry of
 * {@code config/application.properties} (Camel's upper-case, underscore form) becomes that entry.
 * The routes path is left out: it points at the ConfigMap mount, and tests load the same routes from
 * {@code routes/}.
 */
public final class DeploymentEnvironment {

  static final Path DEPLOYMENT = Path.of("config/deploy/deployment.yaml");
  static final Path PROPERTIES = Path.of("config/application.properties");

  private DeploymentEnvironment() {
  }

  public static Map<String, String> overrides() {
    try (InputStream yaml = Files.newInputStream(DEPLOYMENT); InputStream props = Files.newInputStream(PROPERTIES)) {
      Properties shipped = new Properties();
      shipped.load(props);
      Map<String, String> keyByEnvName = new HashMap<>();
      shipped.stringPropertyNames().forEach(key -> keyByEnvName.put(envName(key), key));
      Deployment deployment = Serialization.<List<HasMetadata>>unmarshal(yaml).stream()
          .filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
      Map<String, String> overrides = new HashMap<>();
      for (EnvVar env : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
        String key = keyByEnvName.get(env.getName());
        if (key != null && env.getValue() != null && !key.equals("camel.main.routes-include-pattern")) {
          overrides.put(key, env.getValue());
        }
      }
      return overrides;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
