package live.devopstoolkit.resourcesync.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.junit.jupiter.api.Test;

class ResourceChangeTest {

  static final ResourceRef REF = new ResourceRef(new ResourceType("", "v1", "ConfigMap", "configmaps", true),
      "shop", "settings");
  static final SyncRecord RECORD = new SyncRecord("shop", "settings", "ConfigMap", "v1", Map.of("app", "shop"),
      Map.of("description", "shop settings"), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");

  @Test
  void createsAndDeletesAreRelevant() {
    assertThat(new ResourceChange(REF, null, RECORD).isRelevant()).isTrue();
    assertThat(new ResourceChange(REF, RECORD, null).isRelevant()).isTrue();
  }

  @Test
  void labelAndDescriptionChangesAreRelevant() {
    assertThat(new ResourceChange(REF, RECORD, with(Map.of("app", "shop", "tier", "db"), RECORD.annotations(),
        RECORD.updatedAt())).isRelevant()).isTrue();
    assertThat(new ResourceChange(REF, RECORD, with(RECORD.labels(), Map.of("description", "new text"),
        RECORD.updatedAt())).isRelevant()).isTrue();
  }

  @Test
  void writesThatLeaveTheSyncedContentAloneAreNot() {
    assertThat(new ResourceChange(REF, RECORD, RECORD).isRelevant()).isFalse();
    assertThat(new ResourceChange(REF, RECORD, with(RECORD.labels(), RECORD.annotations(),
        "2026-02-01T00:00:00Z")).isRelevant()).isFalse();
  }

  @Test
  void aRecreatedObjectIsRelevantEvenWithTheSameLabels() {
    SyncRecord recreated = new SyncRecord("shop", "settings", "ConfigMap", "v1", RECORD.labels(),
        RECORD.annotations(), "2026-03-01T00:00:00Z", "2026-03-01T00:00:00Z");
    assertThat(new ResourceChange(REF, RECORD, recreated).isRelevant()).isTrue();
  }

  @Test
  void refsNameObjectsTheWayLogsAndReceiversDo() {
    assertThat(REF).hasToString("ConfigMap(shop/settings)");
    assertThat(REF.recordId()).isEqualTo("shop:v1:ConfigMap:settings");
    assertThat(new ResourceRef(REF.type(), null, "global").recordId()).isEqualTo("_cluster:v1:ConfigMap:global");
  }

  static SyncRecord with(Map<String, String> labels, Map<String, String> annotations, String updatedAt) {
    return new SyncRecord("shop", "settings", "ConfigMap", "v1", labels, annotations, RECORD.createdAt(), updatedAt);
  }
}
