package live.devopstoolkit.resourcesync.discovery;

import java.util.Map;
import java.util.Set;

/**
 * What one discovery pass found. Groups whose resources could not be listed (an aggregated API
 * whose service is down, say) are reported apart, so types already watched in them are kept rather
 * than torn down on a transient failure.
 */
public record DiscoveryResult(Set<ResourceType> types, Map<String, String> failedGroups) {
}
