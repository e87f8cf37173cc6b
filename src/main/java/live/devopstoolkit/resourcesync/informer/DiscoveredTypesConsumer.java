package live.devopstoolkit.resourcesync.informer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import live.devopstoolkit.resourcesync.changes.ResourceChange;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import org.apache.camel.Processor;

/** Attaches a route to the shared informers of every discovered type. */
final class DiscoveredTypesConsumer extends InformerConsumer implements ResourceListener {

  /** The resource type header's value per type, made once instead of once per event. */
  private final Map<ResourceType, String> typeNames = new ConcurrentHashMap<>();

  DiscoveredTypesConsumer(InformerEndpoint endpoint, Processor processor) {
    super(endpoint, processor);
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    getEndpoint().getComponent().getRegistry().addListener(this);
  }

  @Override
  protected void doStop() throws Exception {
    getEndpoint().getComponent().getRegistry().removeListener(this);
    super.doStop();
  }

  @Override
  public void onChange(ResourceChange change) {
    String eventType = change.before() == null ? "ADDED" : change.after() == null ? "DELETED" : "MODIFIED";
    emit(change, eventType, typeNames.computeIfAbsent(change.ref().type(), ResourceType::toString));
  }
}
