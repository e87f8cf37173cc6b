package live.devopstoolkit.resourcesync.informer;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.Processor;

/**
 * Full objects of one resource type, for types the controller acts on (its own configs, CRDs)
 * rather than syncs. Its informer starts once Camel has fully started, because what its route does
 * (add pipeline routes) must not happen while Camel is still starting routes; and it does not wait
 * for the first list, so a missing CRD or a forbidden type does not hold Camel up: the informer
 * keeps retrying.
 */
final class SingleTypeConsumer extends InformerConsumer {

  private SharedIndexInformer<GenericKubernetesResource> informer;
  private final FirstList firstList = new FirstList();

  SingleTypeConsumer(InformerEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    InformerEndpoint endpoint = getEndpoint();
    String resource = endpoint.getResource();
    int dot = resource.indexOf('.');
    ResourceDefinitionContext context = new ResourceDefinitionContext.Builder()
        .withPlural(dot < 0 ? resource : resource.substring(0, dot))
        .withGroup(dot < 0 ? "" : resource.substring(dot + 1))
        .withVersion(endpoint.getVersion())
        .withNamespaced(true)
        .build();
    String typeName = resource + "/" + endpoint.getVersion();
    KubernetesClient client = endpoint.getComponent().getKubernetesClient();
    informer = client.genericKubernetesResources(context)
        .inAnyNamespace()
        .runnableInformer(endpoint.getResyncPeriod());
    if (endpoint.isKeysOnly()) {
      informer.itemStore(new ReducedStateItemStore<>(ReducedStateItemStore.NAME_KEY_STATE,
          GenericKubernetesResource.class, client.getKubernetesSerialization()));
    }
    informer.exceptionHandler((started, error) -> true);
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(GenericKubernetesResource obj) {
        if (!endpoint.isChangesOnly() || !firstList.isListed(obj)) {
          emit(obj, "ADDED", typeName);
        }
      }

      @Override
      public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
        emit(newObj, "MODIFIED", typeName);
      }

      @Override
      public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
        emit(obj, "DELETED", typeName);
      }
    });
    AtomicBoolean started = new AtomicBoolean();
    SharedIndexInformer<GenericKubernetesResource> ours = informer;
    Runnable start = () -> {
      if (isRunAllowed() && started.compareAndSet(false, true)) {
        ours.start().thenRun(() -> firstList.listed(ours.getStore().list()));
      }
    };
    getEndpoint().getCamelContext().addStartupListener(new ExtendedStartupListener() {
      @Override
      public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (alreadyStarted) {
          start.run();
        }
      }

      @Override
      public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        start.run();
      }
    });
  }

  /** What the informer's cache holds now. */
  List<GenericKubernetesResource> cached() {
    return informer == null ? List.of() : informer.getStore().list();
  }

  @Override
  protected void doStop() throws Exception {
    if (informer != null) {
      informer.stop();
    }
    super.doStop();
  }
}
