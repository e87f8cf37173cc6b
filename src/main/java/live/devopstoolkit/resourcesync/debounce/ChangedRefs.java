package live.devopstoolkit.resourcesync.debounce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import live.devopstoolkit.resourcesync.changes.ResourceRef;

/**
 * The body of a debounce window, and the only place its changes are kept until it closes: the
 * distinct objects changed in it, each with when it first changed (for the change-to-acknowledgement
 * latency), and how many relevant changes the window absorbed. Refs, not states, so the last state
 * wins when the window is sent. The aggregator guards each window with its lock.
 */
public final class ChangedRefs {

  private final Map<ResourceRef, Long> firstSeen = new LinkedHashMap<>();
  private final long firstChangeMillis;
  private int changes;

  ChangedRefs(long firstChangeMillis) {
    this.firstChangeMillis = firstChangeMillis;
  }

  void add(ResourceRef ref, long nowMillis) {
    firstSeen.putIfAbsent(ref, nowMillis);
    changes++;
  }

  /** Each object changed in the window, with when its first change in it was seen. */
  public Map<ResourceRef, Long> firstSeen() {
    return Collections.unmodifiableMap(firstSeen);
  }

  public int size() {
    return firstSeen.size();
  }

  /** Relevant changes absorbed, counting an object once per change. */
  public int changes() {
    return changes;
  }

  public long firstChangeMillis() {
    return firstChangeMillis;
  }
}
