package live.devopstoolkit.resourcesync.status;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The sync's health: up once the informer caches have synced and while every pipeline's last
 * delivery succeeded. Never part of liveness, so a receiver outage never gets the controller
 * restarted. Part of readiness ({@code /observe/health/ready}) only without leader election:
 * camel-kubernetes counts only ready pods as leader candidates, so a leader made unready by a
 * receiver outage or by its own start-up listing would hand leadership back and forth; with leader
 * election it is reported in {@code /observe/health} only.
 */
public class SyncReadiness extends AbstractHealthCheck {

  private final Supplier<Boolean> cachesSynced;
  private final Supplier<Map<String, ReadyReason>> failures;
  private final boolean readiness;

  /**
   * @param failures the pipelines whose last delivery failed, by {@code namespace/name}
   */
  public SyncReadiness(Supplier<Boolean> cachesSynced, Supplier<Map<String, ReadyReason>> failures,
      boolean readiness) {
    super("resource-sync", "sync");
    this.cachesSynced = cachesSynced;
    this.failures = failures;
    this.readiness = readiness;
  }

  @Override
  public boolean isLiveness() {
    return false;
  }

  @Override
  public boolean isReadiness() {
    return readiness;
  }

  @Override
  protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
    Map<String, ReadyReason> failing = failures.get();
    builder.detail("caches.synced", cachesSynced.get());
    failing.forEach((config, reason) -> builder.detail("config." + config, reason.name()));
    if (!cachesSynced.get()) {
      builder.message("informer caches have not all listed yet (still listing, or a type cannot be listed: "
          + "see the Ready condition)").down();
    } else if (!failing.isEmpty()) {
      builder.message("delivery failing for " + failing.keySet()).down();
    } else {
      builder.up();
    }
  }
}
