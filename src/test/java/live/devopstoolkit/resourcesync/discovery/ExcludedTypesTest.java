package live.devopstoolkit.resourcesync.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExcludedTypesTest {

  static final ResourceType SECRETS = new ResourceType("", "v1", "Secret", "secrets", true);
  static final ResourceType CONFIG_MAPS = new ResourceType("", "v1", "ConfigMap", "configmaps", true);
  static final ResourceType CERTIFICATES =
      new ResourceType("cert-manager.io", "v1", "Certificate", "certificates", true);

  @Test
  void namedTypesAreLeftOutAndFailedGroupsKept() {
    DiscoveryResult found = new DiscoveryResult(Set.of(SECRETS, CONFIG_MAPS, CERTIFICATES), Map.of("x.io", "down"));
    DiscoveryResult kept = ExcludedTypes.of(" secrets , certificates.cert-manager.io").apply(found);
    assertThat(kept.types()).containsExactly(CONFIG_MAPS);
    assertThat(kept.failedGroups()).containsEntry("x.io", "down");
  }

  @Test
  void anEmptySettingLeavesEverythingIn() {
    DiscoveryResult found = new DiscoveryResult(Set.of(SECRETS, CONFIG_MAPS), Map.of());
    assertThat(ExcludedTypes.of("").apply(found)).isEqualTo(found);
  }
}
