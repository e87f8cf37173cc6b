package live.devopstoolkit.resourcesync.informer;

import live.devopstoolkit.resourcesync.changes.ResourceChange;
import org.apache.camel.Processor;

/** Attaches a route to the shared informers of every discovered type. */
final class DiscoveredTypesConsumer extends InformerConsumer implements ResourceListener {

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
    emit(change, eventType, change.ref().type().toString());
  }
}
