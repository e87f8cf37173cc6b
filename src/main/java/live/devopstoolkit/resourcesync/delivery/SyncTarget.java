package live.devopstoolkit.resourcesync.delivery;

import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfigSpec;

/** Where one pipeline delivers and with which credentials, as of one generation of its spec. */
public record SyncTarget(String namespace, String name, String uid, String endpoint, String secretName,
    String secretKey,
    int debounceWindowSeconds, int resyncIntervalMinutes, long generation) {

  public static SyncTarget of(ResourceSyncConfig config) {
    ResourceSyncConfigSpec spec = config.getSpec();
    Long generation = config.getMetadata().getGeneration();
    return new SyncTarget(config.getMetadata().getNamespace(), config.getMetadata().getName(),
        config.getMetadata().getUid(), spec.getMcpEndpoint(), spec.getMcpAuthSecretRef().getName(),
        spec.getMcpAuthSecretRef().getKey(),
        spec.debounceWindow(), spec.resyncInterval(), generation == null ? 0 : generation);
  }

  /** {@code namespace/name}, the pipeline's key. */
  public String key() {
    return namespace + "/" + name;
  }

  /** A kebab-case suffix for route ids and timer names. */
  public String routeSuffix() {
    return (namespace + "-" + name).toLowerCase();
  }

  @Override
  public String toString() {
    return "ResourceSyncConfig(" + key() + ")";
  }
}
