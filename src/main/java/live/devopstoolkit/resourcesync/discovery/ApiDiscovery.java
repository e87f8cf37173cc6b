package live.devopstoolkit.resourcesync.discovery;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1 of the guide's "How It Works": finds every resource type worth syncing through the
 * Discovery API. Only each group's preferred version is taken (the same object served under two
 * versions would be two records on the receiver), only types that can be listed and watched, and
 * never subresources or the high-volume types the guide excludes.
 */
public class ApiDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(ApiDiscovery.class);

  /** {@code group/plural} of the types the guide says are not synced. */
  private static final Set<String> EXCLUDED = Set.of(
      "/events", "events.k8s.io/events", "coordination.k8s.io/leases", "discovery.k8s.io/endpointslices");

  private final KubernetesClient client;

  public ApiDiscovery(KubernetesClient client) {
    this.client = client;
  }

  public DiscoveryResult discover() {
    Set<ResourceType> types = new HashSet<>();
    Map<String, String> failed = new LinkedHashMap<>();
    addTypes(types, "", "v1", client.getApiResources("v1"));
    for (APIGroup group : client.getApiGroups().getGroups()) {
      String groupVersion = group.getPreferredVersion().getGroupVersion();
      try {
        addTypes(types, group.getName(), group.getPreferredVersion().getVersion(),
            client.getApiResources(groupVersion));
      } catch (RuntimeException e) {
        LOG.warn("event=discovery-group-failed group={} error=\"{}\"", groupVersion, e.getMessage());
        failed.put(group.getName(), e.getMessage());
      }
    }
    return new DiscoveryResult(Set.copyOf(types), failed);
  }

  private static void addTypes(Set<ResourceType> types, String group, String version, APIResourceList list) {
    if (list == null) {
      return;
    }
    for (APIResource resource : list.getResources()) {
      if (isSyncable(group, resource)) {
        types.add(new ResourceType(group, version, resource.getKind(), resource.getName(),
            Boolean.TRUE.equals(resource.getNamespaced())));
      }
    }
  }

  static boolean isSyncable(String group, APIResource resource) {
    List<String> verbs = resource.getVerbs();
    return !resource.getName().contains("/")
        && verbs != null && verbs.contains("list") && verbs.contains("watch")
        && !EXCLUDED.contains(group + "/" + resource.getName());
  }
}
