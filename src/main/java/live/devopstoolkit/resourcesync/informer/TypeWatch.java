package live.devopstoolkit.resourcesync.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.changes.ResourceChange;
import live.devopstoolkit.resourcesync.changes.ResourceRef;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one informer of one resource type, shared by every pipeline. A failing list or watch
 * (forbidden, a broken conversion webhook, the API server away) never stops the informer: fabric8
 * retries it with backoff, the failure is reported until a watch runs again, and the store keeps
 * what the last successful list and watch left in it, which is what a resync then sends for the
 * type instead of telling receivers it has no objects.
 */
final class TypeWatch {

  private static final Logger LOG = LoggerFactory.getLogger(TypeWatch.class);

  private final ResourceType type;
  private final MetadataStore store;
  private final SharedIndexInformer<GenericKubernetesResource> informer;
  private final Runnable listed;
  private volatile String failure;
  private volatile boolean stopped;

  /**
   * @param listed called once, when the first list has completed and the watch runs
   */
  TypeWatch(KubernetesClient client, ResourceType type, long listLimit, Consumer<ResourceChange> changes,
      Runnable listed) {
    this.type = type;
    this.listed = listed;
    this.store = new MetadataStore(type);
    this.informer = client.genericKubernetesResources(type.definitionContext())
        .inAnyNamespace()
        .withLimit(listLimit)
        .runnableInformer(0);
    // Objects are read by key only; an index of keys by namespace would be one more entry per object.
    informer.removeNamespaceIndex();
    informer.itemStore(store);
    informer.exceptionHandler((started, error) -> {
      failed(error);
      return true;
    });
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) {
        changes.accept(new ResourceChange(ref(obj), null, store.recordOf(obj)));
      }

      @Override
      public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
        changes.accept(new ResourceChange(ref(newObj), MetadataStore.recordOf(type, oldObj),
            store.recordOf(newObj)));
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        changes.accept(new ResourceChange(ref(obj), MetadataStore.recordOf(type, obj), null));
      }
    });
  }

  /** The first list's completion is handled off the HTTP client's event loop: it publishes changes. */
  void start() {
    informer.start().toCompletableFuture().whenCompleteAsync((ignored, error) -> {
      if (error == null && !stopped) {
        LOG.info("event=watch-synced type={} objects={}", type, store.size());
        listed.run();
      }
    });
  }

  private void failed(Throwable error) {
    if (stopped) {
      return;
    }
    String reason = shortReason(error);
    if (failure == null) {
      LOG.warn("event=watch-failed type={} reason={} objects-kept={} error=\"{}\"", type, reason, store.size(),
          rootMessage(error));
    }
    failure = reason;
  }

  /** Tells every listener that the objects still cached are gone, then stops watching. */
  void stop(Consumer<ResourceChange> changes) {
    stop();
    store.stored().forEach(stored -> changes.accept(new ResourceChange(ref(stored), stored.record(), null)));
  }

  void stop() {
    stopped = true;
    informer.stop();
  }

  ResourceType type() {
    return type;
  }

  Stream<CachedObject> cached() {
    return store.stored().map(stored -> new CachedObject(ref(stored), stored.record()));
  }

  MetadataStore store() {
    return store;
  }

  /** True once a list has succeeded: the store holds the type's objects, if perhaps not the newest. */
  boolean isListed() {
    return informer.hasSynced();
  }

  /** Why the type cannot be listed or watched now, or null while its watch runs. */
  String failure() {
    String current = failure;
    if (current != null && informer.isWatching()) {
      failure = null;
      LOG.info("event=watch-recovered type={} objects={}", type, store.size());
      return null;
    }
    return current;
  }

  private ResourceRef ref(GenericKubernetesResource obj) {
    String namespace = obj.getMetadata().getNamespace();
    return new ResourceRef(type, namespace == null || namespace.isEmpty() ? null : namespace,
        obj.getMetadata().getName());
  }

  /** "forbidden", "not found", "HTTP 500" or the root cause, for the status; logs get the whole message. */
  static String shortReason(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException k && k.getCode() > 0) {
        return switch (k.getCode()) {
          case 401 -> "unauthorized";
          case 403 -> "forbidden";
          case 404 -> "not found";
          default -> "HTTP " + k.getCode();
        };
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return rootMessage(error);
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
