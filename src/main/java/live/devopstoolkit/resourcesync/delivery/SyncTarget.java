package live.devopstoolkit.resourcesync.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Where one pipeline delivers and with which credentials, as of one generation of its spec. */
public record SyncTarget(String namespace, String name, String uid, String endpoint, String secretName,
    String secretKey,
    int debounceWindowSeconds, int resyncIntervalMinutes, long generation) {

  /** {@code namespace/name}, the pipeline's key. */
  public String key() {
    return namespace + "/" + name;
  }

  /** A kebab-case suffix for route ids and timer names, distinct for every config. */
  public String routeSuffix() {
    return routeSuffix(namespace, name);
  }

  /**
   * {@code namespace-name} reads well but is ambiguous ({@code team-a/sync} and {@code team/a-sync}),
   * and names may hold dots; a short hash of {@code namespace/name} keeps the suffixes apart.
   */
  public static String routeSuffix(String namespace, String name) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((namespace + "/" + name).getBytes(StandardCharsets.UTF_8));
      return (namespace + "-" + name).toLowerCase(Locale.ROOT).replace('.', '-') + "-"
          + HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "ResourceSyncConfig(" + key() + ")";
  }
}
