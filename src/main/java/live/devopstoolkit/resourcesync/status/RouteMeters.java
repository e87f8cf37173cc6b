package live.devopstoolkit.resourcesync.status;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * Keeps Camel's per-route meters ({@code camel_exchanges_total} and its kin) off the routes that run
 * once per informer event. Camel's Micrometer route policy builds its meter names with
 * {@code String.format} at the start and end of every exchange: a fifth of the CPU of each informer
 * event's route (bench/PROFILE.md), for counts nobody reads per event. What those routes do is
 * counted by the {@code resource_sync_*} meters. Every other route keeps its meters.
 */
public final class RouteMeters extends LifecycleStrategySupport {

  private final String perEventRoutePrefix;

  /** @param perEventRoutePrefix the id prefix of the routes an informer event runs through */
  public RouteMeters(String perEventRoutePrefix) {
    this.perEventRoutePrefix = perEventRoutePrefix;
  }

  /**
   * Camel main adds its Micrometer route policy factory while the context starts, after the
   * fixed routes' policies are made; the pipelines' routes are added afterwards, from templates.
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
