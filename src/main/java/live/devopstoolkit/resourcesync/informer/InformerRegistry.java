package live.devopstoolkit.resourcesync.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.changes.ResourceChange;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.discovery.DiscoveryResult;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 2 of "How It Works": one informer per discovered type, shared by every pipeline, so N
 * ResourceSyncConfigs cost one watch and one cache per type. Informers run only while at least one
 * listener is attached, follow each discovery (types that appear are watched, types that vanish
 * are stopped after their cached objects are reported deleted), and answer the delivery side's
 * reads of current state.
 */
public class InformerRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InformerRegistry.class);

  private final KubernetesClient client;
  private final long listLimit;
  private final Map<ResourceType, TypeWatch> watches = new ConcurrentHashMap<>();
  private final List<ResourceListener> listeners = new CopyOnWriteArrayList<>();
  private Set<ResourceType> discovered;
  private volatile String discoveryFailure;

  public InformerRegistry(KubernetesClient client, long listLimit) {
    this.client = client;
    this.listLimit = listLimit;
  }

  public synchronized void addListener(ResourceListener listener) {
    listeners.add(listener);
    reconcile();
  }

  public synchronized void removeListener(ResourceListener listener) {
    listeners.remove(listener);
    if (listeners.isEmpty()) {
      watches.values().forEach(TypeWatch::stop);
      watches.clear();
    }
  }

  /** Applies a discovery: types of groups that failed to list are kept as they are. */
  public synchronized void discovered(DiscoveryResult result) {
    Set<ResourceType> next = new HashSet<>(result.types());
    watches.keySet().stream().filter(t -> result.failedGroups().containsKey(t.group())).forEach(next::add);
    discovered = next;
    discoveryFailure = result.failedGroups().isEmpty() ? null
        : "discovery failed for API groups " + result.failedGroups().keySet();
    reconcile();
  }

  public void discoveryFailed(String message) {
    discoveryFailure = message;
  }

  /** Why the last discovery was incomplete, or null. */
  public String discoveryFailure() {
    return discoveryFailure;
  }

  private void reconcile() {
    if (listeners.isEmpty() || discovered == null) {
      return;
    }
    for (var entry : Map.copyOf(watches).entrySet()) {
      ResourceType type = entry.getKey();
      if (!discovered.contains(type)) {
        LOG.info("event=watch-stopped type={} reason=type-gone", type);
        watches.remove(type).stop(this::publish);
      } else if (entry.getValue().failure() != null) {
        LOG.info("event=watch-retry type={}", type);
        watches.remove(type);
      }
    }
    for (ResourceType type : discovered) {
      watches.computeIfAbsent(type, t -> {
        TypeWatch watch = new TypeWatch(client, t, listLimit, this::publish);
        watch.start();
        return watch;
      });
    }
  }

  private void publish(ResourceChange change) {
    for (ResourceListener listener : listeners) {
      listener.onChange(change);
    }
  }

  /** True when discovery ran and every watched type finished its first list (or failed it). */
  public boolean isSynced() {
    return discovered != null && !watches.isEmpty() && watches.values().stream().allMatch(TypeWatch::isSettled);
  }

  /** The number of types watched now: informers running with a synced cache. */
  public int watchedTypes() {
    return (int) watches.values().stream().filter(TypeWatch::isSynced).count();
  }

  /** The types watched now, with a synced cache. */
  public Set<ResourceType> watched() {
    return watches.values().stream().filter(TypeWatch::isSynced).map(TypeWatch::type)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Types whose watch failed, with the reason, sorted by type name. */
  public Map<String, String> failedTypes() {
    Map<String, String> failed = new TreeMap<>();
    watches.values().stream().filter(w -> w.failure() != null)
        .forEach(w -> failed.put(w.type().resourceName(), w.failure()));
    return failed;
  }

  /** The current state of one object, or empty when it does not exist (or its type is gone). */
  public Optional<StoredResource> get(ResourceRef ref) {
    TypeWatch watch = watches.get(ref.type());
    return watch == null ? Optional.empty() : Optional.ofNullable(watch.store().stored(ref.storeKey()));
  }

  /** Every cached object of every synced type, read lazily from the stores. */
  public Stream<CachedObject> snapshot() {
    return watches.values().stream().filter(TypeWatch::isSynced).flatMap(TypeWatch::cached);
  }

  @Override
  public synchronized void close() {
    watches.values().forEach(TypeWatch::stop);
    watches.clear();
  }
}
