package live.devopstoolkit.resourcesync.informer;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.MultipleConsumersSupport;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code informer:discovered} delivers a {@link live.devopstoolkit.resourcesync.changes.ResourceChange}
 * for every object of every discovered type, from the shared informers; {@code informer:plural.group}
 * (e.g. {@code informer:resourcesyncconfigs.dot-ai.devopstoolkit.live?version=v1alpha1}) delivers
 * the full objects of one type from an informer of its own.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "informer", title = "Kubernetes Informer",
    syntax = "informer:resource", consumerOnly = true, category = {Category.CLOUD, Category.CONTAINER},
    headersClass = InformerConstants.class)
public class InformerEndpoint extends DefaultEndpoint implements MultipleConsumersSupport {

  @UriPath(description = "discovered for every discovered type, or one resource as plural.group "
      + "(plural alone for the core group)")
  @Metadata(required = true)
  private final String resource;

  @UriParam(description = "API version of the one resource; ignored for discovered", defaultValue = "v1")
  private String version = "v1";

  @UriParam(description = "Relist period of the one-resource informer in milliseconds, 0 for none",
      defaultValue = "0")
  private long resyncPeriod;

  @UriParam(description = "Keep only the name, namespace and resourceVersion of the one resource's objects "
      + "in its cache, for routes that need to know that something changed but not what; deletes and the old "
      + "object of an update then carry only those fields", defaultValue = "false")
  private boolean keysOnly;

  @UriParam(description = "Leave out the adds of the objects the one resource's informer finds when it starts "
      + "(its first list) and deliver only what changes after that, for routes that react to changes rather "
      + "than to what exists", defaultValue = "false")
  private boolean changesOnly;

  InformerEndpoint(String uri, InformerComponent component, String resource) {
    super(uri, component);
    this.resource = resource;
  }

  @Override
  public InformerComponent getComponent() {
    return (InformerComponent) super.getComponent();
  }

  @Override
  public Producer createProducer() {
    throw new UnsupportedOperationException("The informer endpoint " + getEndpointUri() + " only consumes");
  }

  @Override
  public Consumer createConsumer(Processor processor) throws Exception {
    InformerConsumer consumer = InformerConstants.DISCOVERED.equals(resource)
        ? new DiscoveredTypesConsumer(this, processor)
        : new SingleTypeConsumer(this, processor);
    configureConsumer(consumer);
    return consumer;
  }

  /** Every pipeline route consumes {@code informer:discovered}; they share its informers. */
  @Override
  public boolean isMultipleConsumersSupported() {
    return true;
  }

  public String getResource() {
    return resource;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public boolean isKeysOnly() {
    return keysOnly;
  }

  public void setKeysOnly(boolean keysOnly) {
    this.keysOnly = keysOnly;
  }

  public boolean isChangesOnly() {
    return changesOnly;
  }

  public void setChangesOnly(boolean changesOnly) {
    this.changesOnly = changesOnly;
  }

  public long getResyncPeriod() {
    return resyncPeriod;
  }

  public void setResyncPeriod(long resyncPeriod) {
    this.resyncPeriod = resyncPeriod;
  }
}
