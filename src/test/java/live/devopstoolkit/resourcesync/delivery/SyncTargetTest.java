package live.devopstoolkit.resourcesync.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncTargetTest {

  @Test
  void routeSuffixesOfDifferentConfigsDifferEvenWhenTheirDashedNamesAgree() {
    assertThat(SyncTarget.routeSuffix("team-a", "sync")).isNotEqualTo(SyncTarget.routeSuffix("team", "a-sync"));
    assertThat(SyncTarget.routeSuffix("team", "a.sync")).isNotEqualTo(SyncTarget.routeSuffix("team", "a-sync"));
  }

  @Test
  void routeSuffixesAreKebabCaseAndReadable() {
    assertThat(SyncTarget.routeSuffix("dot-ai", "default.sync")).matches("dot-ai-default-sync-[0-9a-f]{8}")
        .matches("[a-z0-9]+(-[a-z0-9]+)*");
    assertThat(SyncTarget.routeSuffix("dot-ai", "default.sync")).isEqualTo(SyncTarget.routeSuffix("dot-ai",
        "default.sync"));
  }
}
