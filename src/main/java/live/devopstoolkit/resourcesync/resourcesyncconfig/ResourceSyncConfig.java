package live.devopstoolkit.resourcesync.resourcesyncconfig;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The resource operators create to have the cluster's inventory synced to an MCP server. The CRD in
 * {@code config/crd/} is generated from this class at build time, so the schema, its defaults and
 * its admission messages live here and nowhere else.
 */
@Group(ResourceSyncConfig.GROUP)
@Version(ResourceSyncConfig.VERSION)
@ShortNames("rsc")
@AdditionalPrinterColumn(name = "Active", jsonPath = ".status.active", type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(name = "Watched", jsonPath = ".status.watchedResourceTypes",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Synced", jsonPath = ".status.totalResourcesSynced",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Errors", jsonPath = ".status.syncErrors", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Last Resync", jsonPath = ".status.lastResyncTime",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ResourceSyncConfig extends CustomResource<ResourceSyncConfigSpec, ResourceSyncConfigStatus>
    implements Namespaced {

  public static final String GROUP = "dot-ai.devopstoolkit.live";
  public static final String VERSION = "v1alpha1";
  public static final String PLURAL = "resourcesyncconfigs";

  @Override
  @Required
  public ResourceSyncConfigSpec getSpec() {
    return super.getSpec();
  }
}
