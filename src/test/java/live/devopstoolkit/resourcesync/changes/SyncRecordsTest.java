package live.devopstoolkit.resourcesync.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.junit.jupiter.api.Test;

class SyncRecordsTest {

  static final ResourceType DEPLOYMENT = new ResourceType("apps", "v1", "Deployment", "deployments", true);
  static final ResourceType NAMESPACE = new ResourceType("", "v1", "Namespace", "namespaces", false);

  @Test
  void mapsWhatTheGuideSaysIsSynced() {
    SyncRecord record = SyncRecords.of(DEPLOYMENT, object("shop", "payments", Map.of("app", "payments"),
        Map.of("description", "Takes payments", "example.com/description", "PCI scope",
            "kubectl.kubernetes.io/last-applied-configuration", "{\"spec\":{}}",
            "deployment.kubernetes.io/revision", "3", "descriptions", "not a description key")));
    assertThat(record).isEqualTo(new SyncRecord("shop", "payments", "Deployment", "apps/v1",
        Map.of("app", "payments"),
        Map.of("description", "Takes payments", "example.com/description", "PCI scope"),
        "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"));
    assertThat(record.id()).isEqualTo("shop:apps/v1:Deployment:payments");
  }

  @Test
  void clusterScopedObjectsUseTheClusterNamespaceAndTheCoreGroupIsJustTheVersion() {
    SyncRecord record = SyncRecords.of(NAMESPACE, object(null, "prod", Map.of(), Map.of()));
    assertThat(record.namespace()).isEqualTo("_cluster");
    assertThat(record.apiVersion()).isEqualTo("v1");
    assertThat(record.labels()).isNull();
    assertThat(record.annotations()).isNull();
  }

  @Test
  void updatedAtIsTheNewestWriteToTheObjectNotToItsStatus() {
    GenericKubernetesResource object = object("shop", "payments", Map.of(), Map.of());
    object.getMetadata().setManagedFields(List.of(
        new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Apply")
            .withTime("2026-01-02T00:00:00Z").build(),
        new ManagedFieldsEntryBuilder().withManager("kube-controller-manager").withOperation("Update")
            .withSubresource("status").withTime("2026-01-05T00:00:00Z").build(),
        new ManagedFieldsEntryBuilder().withManager("labeler").withOperation("Update")
            .withTime("2026-01-03T10:00:00Z").build()));
    assertThat(SyncRecords.of(DEPLOYMENT, object).updatedAt()).isEqualTo("2026-01-03T10:00:00Z");
  }

  @Test
  void updatedAtIsNeverBeforeCreation() {
    GenericKubernetesResource object = object("kube-system", "tracking", Map.of(), Map.of());
    object.getMetadata().setCreationTimestamp("2026-01-01T00:00:54Z");
    object.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder()
        .withManager("kube-apiserver").withOperation("Update").withTime("2026-01-01T00:00:53Z").build()));
    assertThat(SyncRecords.of(DEPLOYMENT, object).updatedAt()).isEqualTo("2026-01-01T00:00:54Z");
  }

  @Test
  void timesAreComparedAsTimesWhateverTheirForm() {
    assertThat(SyncRecords.isBefore("2026-01-01T00:00:53Z", "2026-01-01T00:00:54Z")).isTrue();
    assertThat(SyncRecords.isBefore("2026-01-01T00:00:54Z", "2026-01-01T00:00:54Z")).isFalse();
    assertThat(SyncRecords.isBefore("2026-12-31T23:59:59Z", "2027-01-01T00:00:00Z")).isTrue();
    // Fractions and offsets are parsed: as text these would sort the other way.
    assertThat(SyncRecords.isBefore("2026-01-01T00:00:54.5Z", "2026-01-01T00:00:54Z")).isFalse();
    assertThat(SyncRecords.isBefore("2026-01-01T00:00:54Z", "2026-01-01T00:00:54.5Z")).isTrue();
    assertThat(SyncRecords.isBefore("2026-01-01T01:00:00+02:00", "2026-01-01T00:00:00Z")).isTrue();
  }

  @Test
  void updatedAtTakesTheNewestOfTimesInOtherFormsToo() {
    GenericKubernetesResource object = object("shop", "payments", Map.of(), Map.of());
    object.getMetadata().setManagedFields(List.of(
        new ManagedFieldsEntryBuilder().withManager("a").withOperation("Update").withTime("2026-01-03T10:00:00Z")
            .build(),
        new ManagedFieldsEntryBuilder().withManager("b").withOperation("Update").withTime("2026-01-03T10:00:00.5Z")
            .build()));
    assertThat(SyncRecords.of(DEPLOYMENT, object).updatedAt()).isEqualTo("2026-01-03T10:00:00.5Z");
  }

  @Test
  void stringsThatRepeatAcrossObjectsAreSharedNotCopied() {
    GenericKubernetesResource a = object(new String("shop"), "a", Map.of("app", new String("web")), Map.of());
    a.getMetadata().setCreationTimestamp(new String("2026-01-02T00:00:00Z"));
    GenericKubernetesResource b = object(new String("shop"), "b", Map.of("app", new String("web")), Map.of());
    b.getMetadata().setCreationTimestamp(new String("2026-01-02T00:00:00Z"));
    SyncRecord first = SyncRecords.of(DEPLOYMENT, a);
    SyncRecord second = SyncRecords.of(DEPLOYMENT, b);
    assertThat(first.namespace()).isSameAs(second.namespace());
    assertThat(first.labels().get("app")).isSameAs(second.labels().get("app"));
    assertThat(first.createdAt()).isSameAs(second.createdAt());
    assertThat(first.updatedAt()).isSameAs(first.createdAt());
  }

  @Test
  void onlyDescriptionKeysAreKept() {
    assertThat(SyncRecords.isKeptAnnotation("description")).isTrue();
    assertThat(SyncRecords.isKeptAnnotation("dot-ai.devopstoolkit.live/description")).isTrue();
    assertThat(SyncRecords.isKeptAnnotation("kubectl.kubernetes.io/last-applied-configuration")).isFalse();
    assertThat(SyncRecords.isKeptAnnotation("my-description")).isFalse();
  }

  static GenericKubernetesResource object(String namespace, String name, Map<String, String> labels,
      Map<String, String> annotations) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).withLabels(labels)
        .withAnnotations(annotations).withCreationTimestamp("2026-01-01T00:00:00Z").withResourceVersion("7").build());
    return object;
  }
}
