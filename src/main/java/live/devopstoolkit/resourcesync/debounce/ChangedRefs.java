package live.devopstoolkit.resourcesync.debounce;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import live.devopstoolkit.resourcesync.changes.ResourceRef;

/**
 * The body of a debounce group: the distinct objects changed in the window and when the first of
 * them changed. Refs, not states, so the last state wins when the group is sent.
 */
public final class ChangedRefs {

  private final Set<ResourceRef> refs = new LinkedHashSet<>();
  private final long firstChangeMillis;

  ChangedRefs(long firstChangeMillis) {
    this.firstChangeMillis = firstChangeMillis;
  }

  void add(ResourceRef ref) {
    refs.add(ref);
  }

  public Collection<ResourceRef> refs() {
    return refs;
  }

  public int size() {
    return refs.size();
  }

  public long firstChangeMillis() {
    return firstChangeMillis;
  }
}
