package live.devopstoolkit.resourcesync.status;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Keeps Camel's per-route meters ({@code camel_exchanges_total} and its kin) off the routes that run
 * once per informer event. Camel's Micrometer route policy builds its meter names with
 * {@code String.format} at the start and end of every exchange: 5 of the route's 35 samples in one
 * profile (bench/PROFILE.md), for counts nobody reads per event. What those routes do is
 * counted by the {@code resource_sync_*} meters. Every other route keeps its meters.
 */
public final class RouteMeters extends LifecycleStrategySupport {

  private final String perEventRoutePrefix;

  /** @param perEventRoutePrefix the id prefix of the routes an informer event runs through */
  public RouteMeters(String perEventRoutePrefix) {
    this.perEventRoutePrefix = perEventRoutePrefix;
  }

  /**
   * Once the context has started, Camel main's Micrometer route policy factory is in place and the
   * fixed routes have their policies; the pipelines' routes are added afterwards, from templates
   * ({@code EmbeddedReceiverIT} checks both).
   */
  @Override
  public void onContextStarted(CamelContext camel) {
    List<RoutePolicyFactory> factories = camel.getRoutePolicyFactories();
    for (int i = 0; i < factories.size(); i++) {
      RoutePolicyFactory factory = factories.get(i);
      if (factory instanceof MicrometerRoutePolicyFactory) {
        factories.set(i, (context, routeId, route) ->
            routeId.startsWith(perEventRoutePrefix) ? null : factory.createRoutePolicy(context, routeId, route));
      }
    }
  }
}
