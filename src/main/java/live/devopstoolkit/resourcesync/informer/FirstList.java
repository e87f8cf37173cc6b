package live.devopstoolkit.resourcesync.informer;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Tells the adds of an informer's first list from later adds, for endpoints with
 * {@code changesOnly}: the CRD route would otherwise run discovery for every CRD that exists at
 * start, twice (at once and after the settle delay), right after the discovery timer's first run
 * had read the same API server. fabric8 hands the first list's objects to the handler as adds,
 * queued, so they may arrive before or after the informer's start completes: before it, every add
 * is the list's (the watch begins after the list); after it, an add of the same object at the same
 * resourceVersion as listed is the list's. An object created in the moment between the watch
 * starting and the start completing is taken for a listed one; the periodic discovery still finds
 * its type.
 */
final class FirstList {

  private volatile Map<String, String> versions;

  /** Called once the informer's first list is in its store. */
  void listed(List<? extends HasMetadata> objects) {
    versions = objects.stream().collect(Collectors.toMap(FirstList::key,
        o -> Objects.toString(o.getMetadata().getResourceVersion(), ""), (a, b) -> b));
  }

  boolean isListed(HasMetadata object) {
    Map<String, String> first = versions;
    return first == null
        || Objects.toString(object.getMetadata().getResourceVersion(), "").equals(first.get(key(object)));
  }

  private static String key(HasMetadata object) {
    return object.getMetadata().getNamespace() + "/" + object.getMetadata().getName();
  }
}
