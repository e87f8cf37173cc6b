package live.devopstoolkit.resourcesync.resourcesyncconfig;

import static org.assertj.core.api.Assertions.assertThat;

import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import live.devopstoolkit.resourcesync.status.ReadyReason;
import org.junit.jupiter.api.Test;

class ConfigPolicyTest {

  @Test
  void aStarHonoursEveryNamespaceAndAnEmptySettingNone() {
    assertThat(ConfigPolicy.of("*", "https?://.+").check(target("anywhere", "http://mcp.example.com/sync")))
        .isEmpty();
    assertThat(ConfigPolicy.of("", "https?://.+").check(target("dot-ai", "http://mcp.example.com/sync")))
        .hasValueSatisfying(refusal -> assertThat(refusal.reason()).isEqualTo(ReadyReason.NamespaceNotAllowed));
  }

  @Test
  void configsOutsideTheAllowedNamespacesAreRefused() {
    ConfigPolicy policy = ConfigPolicy.of(" dot-ai , platform ", "https?://.+");
    assertThat(policy.check(target("platform", "http://mcp/sync"))).isEmpty();
    assertThat(policy.check(target("team-a", "http://mcp/sync"))).hasValueSatisfying(refusal -> {
      assertThat(refusal.reason()).isEqualTo(ReadyReason.NamespaceNotAllowed);
      assertThat(refusal.message()).isEqualTo(
          "ResourceSyncConfigs in namespace team-a are not honoured; allowed namespaces: dot-ai, platform");
    });
  }

  @Test
  void endpointsOutsideThePatternAreRefused() {
    ConfigPolicy policy = ConfigPolicy.of("dot-ai", "https://[a-z.-]+\\.svc\\.cluster\\.local(:\\d+)?/.*");
    assertThat(policy.check(target("dot-ai", "https://dot-ai.dot-ai.svc.cluster.local:3456/api/v1/resources/sync")))
        .isEmpty();
    assertThat(policy.check(target("dot-ai", "https://collector.evil.example.com/sync.svc.cluster.local/")))
        .hasValueSatisfying(refusal -> assertThat(refusal.reason()).isEqualTo(ReadyReason.EndpointNotAllowed));
  }

  static SyncTarget target(String namespace, String endpoint) {
    return new SyncTarget(namespace, "sync", "uid", endpoint, "s", "k", 10, 60, 1);
  }
}
