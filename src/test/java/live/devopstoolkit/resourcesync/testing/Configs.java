package live.devopstoolkit.resourcesync.testing;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfigStatus;

/** Small helpers to create ResourceSyncConfigs and their Secrets, and read their status. */
public final class Configs {

  private Configs() {
  }

  public static ResourceSyncConfig apply(KubernetesClient client, String namespace, String name, String endpoint,
      String secret, int debounceSeconds) {
    ResourceSyncConfig config = client.getKubernetesSerialization().unmarshal("""
        apiVersion: dot-ai.devopstoolkit.live/v1alpha1
        kind: ResourceSyncConfig
        metadata:
          name: %s
          namespace: %s
        spec:
          mcpEndpoint: %s
          mcpAuthSecretRef:
            name: %s
            key: api-key
          debounceWindowSeconds: %d
        """.formatted(name, namespace, endpoint, secret, debounceSeconds), ResourceSyncConfig.class);
    return client.resource(config).serverSideApply();
  }

  public static void secret(KubernetesClient client, String namespace, String name, String token) {
    client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
        .endMetadata().addToStringData("api-key", token).build()).serverSideApply();
  }

  public static ResourceSyncConfigStatus status(KubernetesClient client, String namespace, String name) {
    ResourceSyncConfig config = client.resources(ResourceSyncConfig.class).inNamespace(namespace).withName(name).get();
    return config == null || config.getStatus() == null ? new ResourceSyncConfigStatus() : config.getStatus();
  }

  public static Optional<Condition> ready(KubernetesClient client, String namespace, String name) {
    return status(client, namespace, name).getConditions().stream().filter(c -> "Ready".equals(c.getType()))
        .findFirst();
  }

  public static String readyReason(KubernetesClient client, String namespace, String name) {
    return ready(client, namespace, name).map(Condition::getReason).orElse(null);
  }
}
