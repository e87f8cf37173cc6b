package live.devopstoolkit.resourcesync.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1 of the guide's "How It Works": finds every resource type worth syncing through the
 * Discovery API. A group's preferred version does not serve all of its kinds (an alpha-only kind
 * beside GA ones, as monitoring.coreos.com's AlertmanagerConfig), so every served version is read,
 * and each kind is taken once, under the most preferred version that serves it: the same object
 * under two versions would be two records on the receiver. Only types that can be listed and
 * watched, never subresources or the high-volume types the guide excludes.
 *
 * <p>Aggregated discovery (Kubernetes 1.27+) answers for every group and version in two requests,
 * {@code /api} and {@code /apis}; reading each group-version apart costs one request per
 * group-version every discovery interval, so it is only the fallback for servers without it.
 */
public class ApiDiscovery {

  private static final Logger LOG = LoggerFactory.getLogger(ApiDiscovery.class);

  /** {@code group/plural} of the types the guide says are not synced. */
  private static final Set<String> EXCLUDED = Set.of(
      "/events", "events.k8s.io/events", "coordination.k8s.io/leases", "discovery.k8s.io/endpointslices");

  static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
  private static final long TIMEOUT_SECONDS = 30;

  private final KubernetesClient client;
  private final ObjectMapper json = new ObjectMapper();

  public ApiDiscovery(KubernetesClient client) {
    this.client = client;
  }

  public DiscoveryResult discover() {
    Optional<JsonNode> core = aggregated("api");
    Optional<JsonNode> groups = core.isPresent() ? aggregated("apis") : Optional.empty();
    if (core.isPresent() && groups.isPresent()) {
      return fromAggregated(List.of(core.get(), groups.get()));
    }
    return perGroupVersion();
  }

  /** The aggregated document at {@code path}, or empty when the server answers in the older format. */
  private Optional<JsonNode> aggregated(String path) {
    HttpRequest request = client.getHttpClient().newHttpRequestBuilder()
        .uri(client.getMasterUrl().toString().replaceAll("/+$", "") + "/" + path)
        .header("Accept", AGGREGATED + ",application/json")
        .build();
    try {
      HttpResponse<byte[]> response = client.getHttpClient().sendAsync(request, byte[].class)
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!response.isSuccessful()) {
        throw new KubernetesClientException("GET /" + path + " answered " + response.code(), response.code(), null);
      }
      String contentType = Optional.ofNullable(response.header("Content-Type")).orElse("");
      return contentType.contains("as=APIGroupDiscoveryList") ? Optional.of(json.readTree(response.body()))
          : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw KubernetesClientException.launderThrowable(e);
    } catch (ExecutionException | TimeoutException | IOException e) {
      throw KubernetesClientException.launderThrowable(e);
    }
  }

  /**
   * Reads APIGroupDiscoveryList documents. Versions come in the server's order of preference, the
   * order {@code kubectl api-resources} uses. A version marked Stale (an aggregated API whose
   * service does not answer) fails its group, so the types already watched in it are kept.
   */
  static DiscoveryResult fromAggregated(List<JsonNode> documents) {
    Kinds kinds = new Kinds();
    for (JsonNode document : documents) {
      for (JsonNode group : document.path("items")) {
        String groupName = group.path("metadata").path("name").asText("");
        for (JsonNode version : group.path("versions")) {
          if ("Stale".equals(version.path("freshness").asText())) {
            kinds.failed(groupName, "discovery of " + gv(groupName, version.path("version").asText()) + " is stale");
            continue;
          }
          for (JsonNode resource : version.path("resources")) {
            List<String> verbs = new ArrayList<>();
            resource.path("verbs").forEach(v -> verbs.add(v.asText()));
            kinds.add(groupName, version.path("version").asText(), resource.path("responseKind").path("kind").asText(),
                resource.path("resource").asText(), "Namespaced".equals(resource.path("scope").asText()), verbs);
          }
        }
      }
    }
    return kinds.result();
  }

  /** One request per group-version, for API servers without aggregated discovery. */
  DiscoveryResult perGroupVersion() {
    Kinds kinds = new Kinds();
    addTypes(kinds, "", "v1", client.getApiResources("v1"));
    for (APIGroup group : client.getApiGroups().getGroups()) {
      for (GroupVersionForDiscovery version : versionsByPreference(group)) {
        try {
          addTypes(kinds, group.getName(), version.getVersion(), client.getApiResources(version.getGroupVersion()));
        } catch (RuntimeException e) {
          LOG.warn("event=discovery-group-failed group={} error=\"{}\"", version.getGroupVersion(), e.getMessage());
          kinds.failed(group.getName(), e.getMessage());
        }
      }
    }
    return kinds.result();
  }

  /** The preferred version first, then the others in the server's order. */
  static List<GroupVersionForDiscovery> versionsByPreference(APIGroup group) {
    List<GroupVersionForDiscovery> versions = new ArrayList<>();
    if (group.getPreferredVersion() != null) {
      versions.add(group.getPreferredVersion());
    }
    group.getVersions().stream()
        .filter(v -> group.getPreferredVersion() == null
            || !v.getVersion().equals(group.getPreferredVersion().getVersion()))
        .forEach(versions::add);
    return versions;
  }

  private static void addTypes(Kinds kinds, String group, String version, APIResourceList list) {
    if (list == null) {
      return;
    }
    for (APIResource resource : list.getResources()) {
      kinds.add(group, version, resource.getKind(), resource.getName(), Boolean.TRUE.equals(resource.getNamespaced()),
          resource.getVerbs());
    }
  }

  static boolean isSyncable(String group, String plural, List<String> verbs) {
    return !plural.contains("/")
        && verbs != null && verbs.contains("list") && verbs.contains("watch")
        && !EXCLUDED.contains(group + "/" + plural);
  }

  private static String gv(String group, String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** Collects each group/kind once: the first version offered wins, so callers go by preference. */
  private static final class Kinds {
    private final Map<String, ResourceType> byGroupKind = new LinkedHashMap<>();
    private final Map<String, String> failedGroups = new LinkedHashMap<>();

    void add(String group, String version, String kind, String plural, boolean namespaced, List<String> verbs) {
      if (isSyncable(group, plural, verbs)) {
        byGroupKind.putIfAbsent(group + "/" + kind, new ResourceType(group, version, kind, plural, namespaced));
      }
    }

    void failed(String group, String reason) {
      failedGroups.putIfAbsent(group, reason);
    }

    DiscoveryResult result() {
      return new DiscoveryResult(Set.copyOf(byGroupKind.values()), Map.copyOf(failedGroups));
    }
  }
}
