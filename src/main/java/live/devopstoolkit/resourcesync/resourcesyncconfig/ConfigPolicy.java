package live.devopstoolkit.resourcesync.resourcesyncconfig;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import live.devopstoolkit.resourcesync.status.ReadyReason;

/**
 * Who may send the cluster's inventory where. Anyone who can create a ResourceSyncConfig could
 * otherwise point it at any URL and have every object's metadata sent there, so by default only
 * configs in the controller's own namespace are honoured; operators open more namespaces and limit
 * the endpoints configs may name.
 */
public class ConfigPolicy {

  /** Why a config is not honoured. */
  public record Refusal(ReadyReason reason, String message) {
  }

  private final Set<String> allowedNamespaces;
  private final Pattern endpointPattern;

  /**
   * @param allowedNamespaces namespaces whose configs are honoured; {@code *} means every namespace
   * @param endpointPattern a regular expression every mcpEndpoint must match as a whole
   */
  public ConfigPolicy(Set<String> allowedNamespaces, String endpointPattern) {
    this.allowedNamespaces = allowedNamespaces;
    this.endpointPattern = Pattern.compile(endpointPattern);
  }

  /** From the comma-separated setting; an empty setting honours no namespace at all. */
  public static ConfigPolicy of(String allowedNamespaces, String endpointPattern) {
    Set<String> namespaces = Set.of(allowedNamespaces.trim().isEmpty() ? new String[0]
        : allowedNamespaces.trim().split("\\s*,\\s*"));
    return new ConfigPolicy(namespaces, endpointPattern);
  }

  public Optional<Refusal> check(SyncTarget target) {
    if (!allowedNamespaces.contains("*") && !allowedNamespaces.contains(target.namespace())) {
      return Optional.of(new Refusal(ReadyReason.NamespaceNotAllowed, "ResourceSyncConfigs in namespace "
          + target.namespace() + " are not honoured; allowed namespaces: "
          + String.join(", ", allowedNamespaces.stream().sorted().toList())));
    }
    if (!endpointPattern.matcher(target.endpoint()).matches()) {
      return Optional.of(new Refusal(ReadyReason.EndpointNotAllowed, "mcpEndpoint " + target.endpoint()
          + " does not match the allowed endpoint pattern " + endpointPattern.pattern()));
    }
    return Optional.empty();
  }
}
