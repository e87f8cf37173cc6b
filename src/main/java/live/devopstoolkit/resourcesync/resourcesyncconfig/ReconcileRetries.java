package live.devopstoolkit.resourcesync.resourcesyncconfig;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configs whose reconcile failed, each with the latest state seen and when to try again. The
 * delay doubles with every failure in a row, so a config that cannot be started costs little, and
 * one whose cause went away starts within a delay.
 */
final class ReconcileRetries {

  private record Retry(GenericKubernetesResource object, int attempts, long dueMillis) {
  }

  private final long firstDelayMillis;
  private final long maxDelayMillis;
  private final Map<String, Retry> retries = new HashMap<>();

  ReconcileRetries(long firstDelayMillis, long maxDelayMillis) {
    this.firstDelayMillis = firstDelayMillis;
    this.maxDelayMillis = maxDelayMillis;
  }

  /** Records a failure of the config's reconcile of {@code object}; returns the delay until the next try. */
  long failed(String key, GenericKubernetesResource object, long nowMillis) {
    int attempts = attempts(key) + 1;
    long delay = firstDelayMillis;
    for (int i = 1; i < attempts && delay < maxDelayMillis; i++) {
      delay *= 2;
    }
    delay = Math.min(delay, maxDelayMillis);
    retries.put(key, new Retry(object, attempts, nowMillis + delay));
    return delay;
  }

  void succeeded(String key) {
    retries.remove(key);
  }

  int attempts(String key) {
    Retry retry = retries.get(key);
    return retry == null ? 0 : retry.attempts();
  }

  /** The latest states of the configs whose delay is over. They stay due until they succeed or fail again. */
  List<GenericKubernetesResource> due(long nowMillis) {
    List<GenericKubernetesResource> due = new ArrayList<>();
    retries.values().stream().filter(r -> r.dueMillis() <= nowMillis).forEach(r -> due.add(r.object()));
    return due;
  }
}
