package live.devopstoolkit.resourcesync.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;
import java.util.List;
import live.devopstoolkit.resourcesync.changes.SyncRecord;
import live.devopstoolkit.resourcesync.changes.SyncRecords;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetadataOnlyTest {

  static final ResourceType CONFIG_MAP = new ResourceType("", "v1", "ConfigMap", "configmaps", true);

  /** A ConfigMap as the API server sends it in the metadata-only form: a create, a label edit, a status-like write. */
  static final String OBJECT = """
      {"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{"name":"cm","namespace":"ns",
       "resourceVersion":"7","creationTimestamp":"2026-01-01T00:00:00Z","labels":{"app":"a","ts":"2"},
       "managedFields":[
        {"manager":"creator","operation":"Update","apiVersion":"v1","time":"2026-01-01T00:00:00Z",
         "fieldsType":"FieldsV1","fieldsV1":{"f:data":{".":{},"f:payload":{}},"f:metadata":{"f:labels":{".":{},"f:app":{}}}}},
        {"manager":"labeller","operation":"Update","apiVersion":"v1","time":"2026-01-02T00:00:00Z",
         "fieldsType":"FieldsV1","fieldsV1":{"f:metadata":{"f:labels":{"f:ts":{}}}}},
        {"manager":"status","operation":"Update","apiVersion":"v1","time":"2026-01-03T00:00:00Z","subresource":"status",
         "fieldsType":"FieldsV1","fieldsV1":{"f:status":{}}}]}}""";

  final KubernetesClient client = MetadataOnly.client(
      new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build(), new VertxHttpClientFactory());
  final KubernetesSerialization json = client.getKubernetesSerialization();

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void aHandlerInterruptedWhileItRunsLeavesTheEventLoopUninterrupted() {
    boolean[] ran = new boolean[1];
    MetadataOnly.HANDLERS.execute(() -> {
      ran[0] = true;
      Thread.currentThread().interrupt(); // as fabric8's SerialExecutor.shutdownNow does from another thread
    });
    assertThat(ran[0]).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void watchedObjectsArriveWithoutTheManagedFieldTreesAndWithTheirRecord() {
    WatchEvent event = json.unmarshal("{\"type\":\"MODIFIED\",\"object\":" + OBJECT + "}", WatchEvent.class);
    GenericKubernetesResource object = (GenericKubernetesResource) event.getObject();
    assertWithoutFieldTrees(object);
    assertRecord(SyncRecords.of(CONFIG_MAP, object));
  }

  @Test
  void listedObjectsArriveWithoutTheManagedFieldTreesAndWithTheirRecord() {
    GenericKubernetesResource object = json.unmarshal(OBJECT, GenericKubernetesResource.class);
    assertWithoutFieldTrees(object);
    assertRecord(SyncRecords.of(CONFIG_MAP, object));
  }

  static void assertWithoutFieldTrees(GenericKubernetesResource object) {
    List<ManagedFieldsEntry> entries = object.getMetadata().getManagedFields();
    assertThat(entries).extracting(ManagedFieldsEntry::getManager).containsExactly("creator", "labeller", "status");
    assertThat(entries).extracting(ManagedFieldsEntry::getFieldsV1).containsOnlyNulls();
    assertThat(entries).extracting(ManagedFieldsEntry::getSubresource).containsExactly(null, null, "status");
  }

  /** The newest write to the object itself, not its status, is its updatedAt: as with the field trees. */
  static void assertRecord(SyncRecord record) {
    assertThat(record.updatedAt()).isEqualTo("2026-01-02T00:00:00Z");
    assertThat(record.labels()).containsEntry("app", "a").containsEntry("ts", "2");
    assertThat(record.createdAt()).isEqualTo("2026-01-01T00:00:00Z");
  }
}
