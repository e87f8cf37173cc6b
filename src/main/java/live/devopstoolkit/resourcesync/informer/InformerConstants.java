package live.devopstoolkit.resourcesync.informer;

import org.apache.camel.spi.Metadata;

/** Headers the informer consumer sets on each exchange. */
public final class InformerConstants {

  @Metadata(label = "consumer", description = "ADDED, MODIFIED or DELETED", javaType = "String")
  public static final String EVENT_TYPE = "CamelInformerEventType";

  @Metadata(label = "consumer", description = "The resource type of the object, e.g. Deployment.apps/v1",
      javaType = "String")
  public static final String RESOURCE_TYPE = "CamelInformerResourceType";

  /** The path that selects every discovered type instead of one. */
  public static final String DISCOVERED = "discovered";

  private InformerConstants() {
  }
}
