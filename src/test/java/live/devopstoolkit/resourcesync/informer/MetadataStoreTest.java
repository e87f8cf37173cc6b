package live.devopstoolkit.resourcesync.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.changes.SyncRecords;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.junit.jupiter.api.Test;

class MetadataStoreTest {

  static final ResourceType SECRET = new ResourceType("", "v1", "Secret", "secrets", true);
  final MetadataStore store = new MetadataStore(SECRET);

  @Test
  void keepsTheRecordAndWhatTheInformerReadsButNoDataSpecOrStatus() {
    store.put("ns/db", secret("1", Map.of("tier", "db"), "2026-01-01T00:00:00Z"));
    StoredResource stored = store.stored("ns/db");
    assertThat(stored.getMetadata().getName()).isEqualTo("db");
    assertThat(stored.getMetadata().getNamespace()).isEqualTo("ns");
    assertThat(stored.getMetadata().getResourceVersion()).isEqualTo("1");
    assertThat(stored.getAdditionalProperties()).isNullOrEmpty();
    assertThat(stored.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(stored.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(stored.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(stored.record().labels()).containsEntry("tier", "db");
    assertThat(store.getKey(stored)).isEqualTo("ns/db");
  }

  @Test
  void updatedAtStaysUntilTheSyncedContentChanges() {
    store.put("ns/db", secret("1", Map.of("tier", "db"), "2026-01-01T00:00:00Z"));
    store.put("ns/db", secret("2", Map.of("tier", "db"), "2026-01-02T00:00:00Z"));
    assertThat(store.stored("ns/db").record().updatedAt()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(store.stored("ns/db").getMetadata().getResourceVersion()).isEqualTo("2");
    store.put("ns/db", secret("3", Map.of("tier", "cache"), "2026-01-03T00:00:00Z"));
    assertThat(store.stored("ns/db").record().updatedAt()).isEqualTo("2026-01-03T00:00:00Z");
  }

  @Test
  void anEventReusesTheRecordStoredForItsVersionAndMapsAnyOtherVersion() {
    GenericKubernetesResource first = secret("1", Map.of("tier", "db"), "2026-01-01T00:00:00Z");
    store.put("ns/db", first);
    assertThat(store.recordOf(first)).isSameAs(store.stored("ns/db").record());

    GenericKubernetesResource second = secret("2", Map.of("tier", "cache"), "2026-01-02T00:00:00Z");
    assertThat(store.recordOf(second)).isEqualTo(SyncRecords.of(SECRET, second))
        .isNotSameAs(store.stored("ns/db").record());
    store.put("ns/db", second);
    store.remove("ns/db");
    assertThat(store.recordOf(second)).isEqualTo(SyncRecords.of(SECRET, second));
    assertThat(store.recordOf(first).labels()).containsEntry("tier", "db");
  }

  static GenericKubernetesResource secret(String resourceVersion, Map<String, String> labels, String writtenAt) {
    GenericKubernetesResource secret = new GenericKubernetesResource();
    secret.setApiVersion("v1");
    secret.setKind("Secret");
    secret.setMetadata(new ObjectMetaBuilder().withName("db").withNamespace("ns").withResourceVersion(resourceVersion)
        .withLabels(labels).withCreationTimestamp("2026-01-01T00:00:00Z")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{\"data\":{\"password\":\"c2VjcmV0\"}}")
        .withManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Update")
            .withTime(writtenAt).build()))
        .build());
    secret.setAdditionalProperty("data", Map.of("password", "c2VjcmV0"));
    secret.setAdditionalProperty("type", "Opaque");
    return secret;
  }
}
