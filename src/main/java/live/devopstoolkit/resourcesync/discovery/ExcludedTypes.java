package live.devopstoolkit.resourcesync.discovery;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Types an operator chose to leave out of the sync, named as {@code kubectl api-resources} names
 * them ({@code secrets}, {@code certificates.cert-manager.io}). Leaving a type out here means the
 * controller never lists or watches it, so its RBAC can deny that type entirely: the
 * {@code config/components/no-secrets} component does that for Secrets.
 */
public class ExcludedTypes {

  private final Set<String> names;

  public ExcludedTypes(Set<String> names) {
    this.names = names;
  }

  /** From the comma-separated setting; empty leaves nothing out. */
  public static ExcludedTypes of(String setting) {
    return new ExcludedTypes(Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet()));
  }

  public DiscoveryResult apply(DiscoveryResult result) {
    if (names.isEmpty()) {
      return result;
    }
    return new DiscoveryResult(result.types().stream().filter(type -> !names.contains(type.resourceName()))
        .collect(Collectors.toUnmodifiableSet()), result.failedGroups());
  }
}
