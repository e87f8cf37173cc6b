package live.devopstoolkit.resourcesync.status;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness at {@code /observe/health/ready}: up once the informer caches have synced and while
 * every pipeline's last delivery succeeded. Liveness stays Camel's own, so a receiver outage makes
 * the controller not ready but never gets it restarted.
 */
public class SyncReadiness extends AbstractHealthCheck {

  private final Supplier<Boolean> cachesSynced;
  private final Supplier<Map<String, ReadyReason>> failures;

  /**
   * @param failures the pipelines whose last delivery failed, by {@code namespace/name}
   */
  public SyncReadiness(Supplier<Boolean> cachesSynced, Supplier<Map<String, ReadyReason>> failures) {
    super("resource-sync", "sync");
    this.cachesSynced = cachesSynced;
    this.failures = failures;
  }

  @Override
  public boolean isLiveness() {
    return false;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    Map<String, ReadyReason> failing = failures.get();
    builder.detail("caches.synced", cachesSynced.get());
    failing.forEach((config, reason) -> builder.detail("config." + config, reason.name()));
    if (!cachesSynced.get()) {
      builder.message("informer caches are still listing").down();
    } else if (!failing.isEmpty()) {
      builder.message("delivery failing for " + failing.keySet()).down();
    } else {
      builder.up();
    }
  }
}
