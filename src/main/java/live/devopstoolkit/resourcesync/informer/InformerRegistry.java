package live.devopstoolkit.resourcesync.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
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
 * listener is attached, follow each discovery, and answer the delivery side's reads of current state.
 *
 * <p>Receivers hold a record per object and apiVersion, so what a resync leaves out they delete. A
 * type that vanished from discovery is stopped after its cached objects are reported deleted. A
 * type that fails keeps its last-known objects in resyncs; one that has never listed holds the
 * resync back ({@link #resyncHeldBack()}) rather than have its records deleted. A kind whose
 * preferred version changes is handed over: the old version's informer keeps serving until the new
 * one has listed, then the objects are announced under the new version before the old records are
 * deleted, so each object always has a record and in the end exactly one.
 */
public class InformerRegistry implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(InformerRegistry.class);

  private final KubernetesClient client;
  private final long listLimit;
  private final Map<ResourceType, TypeWatch> watches = new ConcurrentHashMap<>();
  /** By group/kind: the watch of the version a kind was served under before, until its successor has listed. */
  private final Map<String, TypeWatch> retiring = new ConcurrentHashMap<>();
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
      stopAll();
    }
  }

  /** Applies a discovery: types of groups that failed to list are kept as they are. */
  public synchronized void discovered(DiscoveryResult result) {
    Set<ResourceType> next = new HashSet<>(result.types());
    Set<String> kinds = next.stream().map(ResourceType::groupKind).collect(Collectors.toSet());
    watches.keySet().stream()
        .filter(t -> result.failedGroups().containsKey(t.group()) && !kinds.contains(t.groupKind()))
        .forEach(next::add);
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
    Map<String, ResourceType> byKind = discovered.stream()
        .collect(Collectors.toMap(ResourceType::groupKind, t -> t, (a, b) -> a));
    for (ResourceType type : Set.copyOf(watches.keySet())) {
      if (discovered.contains(type)) {
        continue;
      }
      TypeWatch watch = watches.remove(type);
      if (byKind.containsKey(type.groupKind()) && watch.isListed() && !retiring.containsKey(type.groupKind())) {
        LOG.info("event=version-changing type={} next={}", type, byKind.get(type.groupKind()));
        retiring.put(type.groupKind(), watch);
      } else {
        LOG.info("event=watch-stopped type={} reason=type-gone", type);
        watch.stop(this::publish);
      }
    }
    for (String kind : Set.copyOf(retiring.keySet())) {
      ResourceType wanted = byKind.get(kind);
      if (wanted == null) {
        LOG.info("event=watch-stopped type={} reason=type-gone", retiring.get(kind).type());
        retiring.remove(kind).stop(this::publish);
      } else if (wanted.equals(retiring.get(kind).type())) {
        LOG.info("event=version-change-undone type={}", wanted);
        watches.put(wanted, retiring.remove(kind));
      }
    }
    for (ResourceType type : discovered) {
      watches.computeIfAbsent(type, t -> {
        TypeWatch watch = new TypeWatch(client, t, listLimit, this::publish, () -> listed(t));
        watch.start();
        return watch;
      });
    }
  }

  /**
   * A type listed for the first time: if it succeeds another version of its kind, its objects are
   * announced again (listeners keep refs, so twice is once) ahead of the deletes of the old
   * version's records, so that no batch carries a delete before the matching upsert. The old
   * version leaves the snapshot first: an announcement left to an owed resync must find the new
   * version in it.
   */
  private synchronized void listed(ResourceType type) {
    TypeWatch successor = watches.get(type);
    TypeWatch predecessor = retiring.get(type.groupKind());
    if (successor == null || predecessor == null) {
      return;
    }
    retiring.remove(type.groupKind());
    successor.cached().forEach(object -> publish(new ResourceChange(object.ref(), null, object.record())));
    LOG.info("event=version-changed from={} to={}", predecessor.type(), type);
    predecessor.stop(this::publish);
  }

  private void publish(ResourceChange change) {
    for (ResourceListener listener : listeners) {
      listener.onChange(change);
    }
  }

  /**
   * True when a resync may be sent: discovery ran and every type has listed at least once (or is
   * still covered by its previous version), so each type has records to send, even if some are no
   * longer current because its watch fails.
   */
  public boolean isSynced() {
    return discovered != null && !watches.isEmpty() && watches.values().stream().allMatch(this::hasRecords);
  }

  /**
   * True when a type that has never listed is failing: a resync now would delete its records on
   * receivers, and it may not list for a long time (RBAC, a broken conversion webhook). Incremental
   * changes of the other types should flow meanwhile.
   */
  public boolean resyncHeldBack() {
    return discovered != null && watches.values().stream().anyMatch(w -> !hasRecords(w) && w.failure() != null);
  }

  private boolean hasRecords(TypeWatch watch) {
    TypeWatch predecessor = retiring.get(watch.type().groupKind());
    return watch.isListed() || predecessor != null && predecessor.isListed();
  }

  /** The number of types watched now: listed, with a running watch. */
  public int watchedTypes() {
    return watched().size();
  }

  /** The types watched now: listed, with a running watch. */
  public Set<ResourceType> watched() {
    return watches.values().stream().filter(w -> w.isListed() && w.failure() == null).map(TypeWatch::type)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Types that cannot be listed or watched now, with the reason, sorted by type name. */
  public Map<String, String> failedTypes() {
    Map<String, String> failed = new TreeMap<>();
    watches.values().forEach(w -> {
      String failure = w.failure();
      if (failure != null) {
        failed.put(w.type().resourceName(), failure);
      }
    });
    return failed;
  }

  /** The current state of one object, or empty when it does not exist (or its type is gone). */
  public Optional<StoredResource> get(ResourceRef ref) {
    TypeWatch watch = watches.get(ref.type());
    if (watch == null) {
      TypeWatch predecessor = retiring.get(ref.type().groupKind());
      watch = predecessor != null && predecessor.type().equals(ref.type()) ? predecessor : null;
    }
    return watch == null ? Optional.empty() : Optional.ofNullable(watch.store().stored(ref.storeKey()));
  }

  /**
   * Every object a resync must hold, read lazily from the stores: of each kind, the version whose
   * store has listed (the old one while a version change is under way), including types whose
   * watch fails now. Which stores is decided at once, so a hand-over during the stream can
   * neither drop a kind nor send it twice.
   */
  public Stream<CachedObject> snapshot() {
    List<TypeWatch> stores = new ArrayList<>(retiring.values());
    Set<String> covered = stores.stream().map(w -> w.type().groupKind()).collect(Collectors.toSet());
    watches.values().stream().filter(w -> w.isListed() && !covered.contains(w.type().groupKind()))
        .forEach(stores::add);
    return stores.stream().filter(TypeWatch::isListed).flatMap(TypeWatch::cached);
  }

  /** Every object in any store, listed or not, old versions included: all a change could have touched. */
  public Stream<ResourceRef> cachedRefs() {
    return Stream.concat(watches.values().stream(), retiring.values().stream())
        .flatMap(TypeWatch::cached).map(CachedObject::ref);
  }

  @Override
  public synchronized void close() {
    stopAll();
  }

  private void stopAll() {
    watches.values().forEach(TypeWatch::stop);
    watches.clear();
    retiring.values().forEach(TypeWatch::stop);
    retiring.clear();
  }
}
