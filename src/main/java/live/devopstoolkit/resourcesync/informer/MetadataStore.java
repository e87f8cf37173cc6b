package live.devopstoolkit.resourcesync.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.changes.SyncRecord;
import live.devopstoolkit.resourcesync.changes.SyncRecords;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An informer store that keeps only what is synced. Lists and watches bring metadata only
 * ({@link MetadataOnly}); each object is reduced further to a {@link StoredResource} as it is
 * stored, so memory grows with what is synced, not with managedFields. A server that answers with
 * whole objects instead (one without the metadata-only form) is reported once per type here, where
 * the objects arrive.
 *
 * <p>An update that leaves the synced content alone (a spec edit, an annotation that is not synced)
 * keeps the stored record, updatedAt included: the record changes exactly when a change is sent, so
 * a resync repeats what the receiver already has instead of making it re-index.
 */
final class MetadataStore implements ItemStore<GenericKubernetesResource> {

  private static final Logger LOG = LoggerFactory.getLogger(MetadataStore.class);

  private final ResourceType type;
  private final Map<String, StoredResource> items = new ConcurrentHashMap<>();
  private final AtomicBoolean fullObjectsReported = new AtomicBoolean();

  MetadataStore(ResourceType type) {
    this.type = type;
  }

  static SyncRecord recordOf(ResourceType type, GenericKubernetesResource object) {
    return object instanceof StoredResource stored ? stored.record() : SyncRecords.of(type, object);
  }

  /**
   * The record of an object the informer hands to its event handlers after {@link #put}. For watch
   * events fabric8 passes the object it parsed, not the one stored (the first list's adds come from
   * the store), and mapping it again doubled the record work of every watched add and update.
   * While the store still holds that version (same resourceVersion, so the same content) its record
   * is the answer; a later version or a delete since then means mapping the object itself.
   */
  SyncRecord recordOf(GenericKubernetesResource object) {
    if (object instanceof StoredResource stored) {
      return stored.record();
    }
    StoredResource stored = items.get(getKey(object));
    String version = object.getMetadata().getResourceVersion();
    if (stored != null && version != null && version.equals(stored.getMetadata().getResourceVersion())) {
      return stored.record();
    }
    return SyncRecords.of(type, object);
  }

  @Override
  public String getKey(GenericKubernetesResource obj) {
    return Cache.metaNamespaceKeyFunc(obj);
  }

  @Override
  public GenericKubernetesResource put(String key, GenericKubernetesResource obj) {
    if (obj instanceof StoredResource stored) {
      return items.put(key, stored);
    }
    if (!MetadataOnly.KIND.equals(obj.getKind()) && fullObjectsReported.compareAndSet(false, true)) {
      LOG.warn("event=metadata-only-refused type={} kind={} fallback=full-objects", type, obj.getKind());
    }
    SyncRecord record = SyncRecords.of(type, obj);
    StoredResource previous = items.get(key);
    if (previous != null && previous.record().sameContentAs(record)) {
      record = previous.record();
    }
    return items.put(key, new StoredResource(record, obj.getMetadata()));
  }

  @Override
  public GenericKubernetesResource remove(String key) {
    return items.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public Stream<GenericKubernetesResource> values() {
    return items.values().stream().map(GenericKubernetesResource.class::cast);
  }

  Stream<StoredResource> stored() {
    return items.values().stream();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public GenericKubernetesResource get(String key) {
    return items.get(key);
  }

  StoredResource stored(String key) {
    return items.get(key);
  }
}
