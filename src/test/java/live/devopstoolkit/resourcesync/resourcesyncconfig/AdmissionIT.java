package live.devopstoolkit.resourcesync.resourcesyncconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated CRD, as the real API server enforces it: the guide's examples in, bad specs out. */
class AdmissionIT {

  static final String NS = "admission-it";
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    ControlPlane cluster = ControlPlane.get();
    client = cluster.client();
    cluster.createNamespace(NS);
    cluster.createNamespace("dot-ai");
  }

  @ParameterizedTest
  @ValueSource(strings = {"resourcesyncconfig.yaml", "production-sync.yaml"})
  void theGuidesExamplesApplyUnchanged(String file) throws IOException {
    String yaml = Files.readString(Path.of("config/samples", file));
    ResourceSyncConfig applied = client.resource(load(yaml)).dryRun().create();
    assertThat(applied.getMetadata().getNamespace()).isEqualTo("dot-ai");
    assertThat(applied.getSpec().getMcpAuthSecretRef().getKey()).isEqualTo("api-key");
    assertThat(applied.getSpec().getMcpEndpoint())
        .isEqualTo("http://dot-ai.dot-ai.svc.cluster.local:3456/api/v1/resources/sync");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "debounceWindowSeconds|10",
      "resyncIntervalMinutes|60"})
  void omittedTimingsGetTheGuidesDefaults(String field, String expected) {
    GenericKubernetesResource created = client.genericKubernetesResources("dot-ai.devopstoolkit.live/v1alpha1",
        "ResourceSyncConfig").resource(client.getKubernetesSerialization().unmarshal(manifest("defaults", """
        mcpEndpoint: https://mcp.example.com/api/v1/resources/sync
        mcpAuthSecretRef: {name: mcp-credentials, key: api-key}
        """), GenericKubernetesResource.class)).dryRun().create();
    assertThat(created.get("spec", field).toString()).isEqualTo(expected);
  }

  static final String ENDPOINT = "mcpEndpoint: http://mcp/sync\n";
  static final String SECRET = "mcpAuthSecretRef: {name: s, key: k}\n";

  static Stream<Arguments> invalidSpecs() {
    return Stream.of(
        arguments("missing endpoint", SECRET, "spec.mcpEndpoint: Required value"),
        arguments("endpoint not a URL", "mcpEndpoint: dot-ai:3456/sync\n" + SECRET,
            "mcpEndpoint must be an http:// or https:// URL"),
        arguments("endpoint of another scheme", "mcpEndpoint: ftp://dot-ai/sync\n" + SECRET,
            "mcpEndpoint must be an http:// or https:// URL"),
        arguments("missing secret ref", ENDPOINT, "spec.mcpAuthSecretRef: Required value"),
        arguments("empty secret name", ENDPOINT + "mcpAuthSecretRef: {name: '', key: k}\n",
            "spec.mcpAuthSecretRef.name in body should be at least 1 chars long"),
        arguments("missing secret key", ENDPOINT + "mcpAuthSecretRef: {name: s}\n",
            "spec.mcpAuthSecretRef.key: Required value"),
        arguments("debounce zero", ENDPOINT + SECRET + "debounceWindowSeconds: 0\n",
            "spec.debounceWindowSeconds in body should be greater than or equal to 1"),
        arguments("debounce too long", ENDPOINT + SECRET + "debounceWindowSeconds: 301\n",
            "spec.debounceWindowSeconds in body should be less than or equal to 300"),
        arguments("debounce not a number", ENDPOINT + SECRET + "debounceWindowSeconds: ten\n",
            "spec.debounceWindowSeconds in body must be of type integer"),
        arguments("resync zero", ENDPOINT + SECRET + "resyncIntervalMinutes: 0\n",
            "spec.resyncIntervalMinutes in body should be greater than or equal to 1"),
        arguments("resync over a day", ENDPOINT + SECRET + "resyncIntervalMinutes: 1441\n",
            "spec.resyncIntervalMinutes in body should be less than or equal to 1440"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void invalidSpecsAreRejectedWithAReadableMessage(String caseName, String spec, String message) {
    String yaml = manifest("invalid", spec);
    assertThatThrownBy(() -> client.resource(yaml).create())
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "spec: null\n"})
  void aConfigWithoutSpecIsRejected(String specLine) {
    String yaml = """
        apiVersion: dot-ai.devopstoolkit.live/v1alpha1
        kind: ResourceSyncConfig
        metadata: {name: no-spec, namespace: %s}
        %s""".formatted(NS, specLine);
    assertThatThrownBy(() -> client.resource(yaml).create()).hasMessageContaining("spec: Required value");
  }

  static ResourceSyncConfig load(String yaml) {
    return client.getKubernetesSerialization().unmarshal(yaml, ResourceSyncConfig.class);
  }

  static String manifest(String name, String spec) {
    return """
        apiVersion: dot-ai.devopstoolkit.live/v1alpha1
        kind: ResourceSyncConfig
        metadata:
          name: %s
          namespace: %s
        spec:
        %s""".formatted(name, NS, spec.indent(2));
  }
}
