package live.devopstoolkit.resourcesync.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import live.devopstoolkit.resourcesync.changes.SyncRecord;

/**
 * What an informer store keeps of an object: its sync record, plus the name, namespace and
 * resourceVersion the informer itself reads. Spec, status, data and every other field are dropped
 * on arrival, so a cached Secret holds no secret data. The model classes start with empty
 * collections of their own (labels, annotations, finalizers, managedFields, ownerReferences,
 * additional properties: seven per object); these are dropped too, since one is kept per object of
 * the cluster and nothing reads them.
 */
public final class StoredResource extends GenericKubernetesResource {

  private final transient SyncRecord record;

  StoredResource(SyncRecord record, ObjectMeta source) {
    this.record = record;
    ObjectMeta meta = new ObjectMeta();
    meta.setName(source.getName());
    meta.setNamespace(source.getNamespace() == null ? null : source.getNamespace().intern());
    meta.setResourceVersion(source.getResourceVersion());
    meta.setLabels(null);
    meta.setAnnotations(null);
    meta.setFinalizers(null);
    meta.setManagedFields(null);
    meta.setOwnerReferences(null);
    meta.setAdditionalProperties(null);
    setMetadata(meta);
    setAdditionalProperties(null);
    setApiVersion(record.apiVersion());
    setKind(record.kind());
  }

  public SyncRecord record() {
    return record;
  }
}
