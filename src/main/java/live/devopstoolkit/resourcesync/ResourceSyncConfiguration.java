package live.devopstoolkit.resourcesync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import live.devopstoolkit.resourcesync.changes.ChangedRef;
import live.devopstoolkit.resourcesync.changes.RelevantChange;
import live.devopstoolkit.resourcesync.debounce.BoundedStaleness;
import live.devopstoolkit.resourcesync.debounce.ChangedRefsAggregation;
import live.devopstoolkit.resourcesync.debounce.DebounceWindows;
import live.devopstoolkit.resourcesync.delivery.BackoffPolicy;
import live.devopstoolkit.resourcesync.delivery.BatchLimits;
import live.devopstoolkit.resourcesync.delivery.BearerTokens;
import live.devopstoolkit.resourcesync.delivery.CaBundle;
import live.devopstoolkit.resourcesync.delivery.DebounceWindow;
import live.devopstoolkit.resourcesync.delivery.NeedsWindow;
import live.devopstoolkit.resourcesync.delivery.Pipelines;
import live.devopstoolkit.resourcesync.delivery.ShutdownFlush;
import live.devopstoolkit.resourcesync.delivery.SyncRequests;
import live.devopstoolkit.resourcesync.delivery.SyncResponses;
import live.devopstoolkit.resourcesync.discovery.ApiDiscovery;
import live.devopstoolkit.resourcesync.discovery.ExcludedTypes;
import live.devopstoolkit.resourcesync.informer.InformerComponent;
import live.devopstoolkit.resourcesync.informer.InformerRegistry;
import live.devopstoolkit.resourcesync.informer.MetadataOnly;
import live.devopstoolkit.resourcesync.leader.LeaderElection;
import live.devopstoolkit.resourcesync.management.ManagementGuard;
import live.devopstoolkit.resourcesync.management.ReadOnlyDevConsoles;
import live.devopstoolkit.resourcesync.receiver.EmbeddedReceiver;
import live.devopstoolkit.resourcesync.receiver.KeywordSearch;
import live.devopstoolkit.resourcesync.receiver.ReceiverStore;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ConfigPolicy;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ConfigReconciler;
import live.devopstoolkit.resourcesync.resourcesyncconfig.StatusWriter;
import live.devopstoolkit.resourcesync.resourcesyncconfig.EventRecorder;
import live.devopstoolkit.resourcesync.status.RouteMeters;
import live.devopstoolkit.resourcesync.status.SyncMetrics;
import live.devopstoolkit.resourcesync.status.SyncReadiness;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.processor.aggregate.UseLatestAggregationStrategy;
import org.apache.camel.spi.Registry;

/**
 * The beans the routes in {@code routes/} call, by name. Built here in plain Java because they form
 * a chain (client, informers, pipelines, requests) that registry type lookups would have to guess
 * the order of. Every setting comes from {@code config/application.properties}, where each is
 * documented with its default.
 */
public class ResourceSyncConfiguration implements CamelConfiguration {

  @PropertyInject(value = "resource-sync.kubeconfig", defaultValue = "")
  private String kubeconfig;
  @PropertyInject(value = "resource-sync.excluded-types", defaultValue = "")
  private String excludedTypes;
  @PropertyInject(value = "resource-sync.informer.list-limit", defaultValue = "500")
  private long listLimit;
  @PropertyInject(value = "resource-sync.delivery.poll-millis", defaultValue = "200")
  private long pollMillis;
  @PropertyInject(value = "resource-sync.delivery.max-records", defaultValue = "500")
  private int maxRecords;
  @PropertyInject(value = "resource-sync.delivery.max-bytes", defaultValue = "524288")
  private long maxBytes;
  @PropertyInject(value = "resource-sync.delivery.pause-millis", defaultValue = "5000")
  private long pauseMillis;
  @PropertyInject(value = "resource-sync.delivery.max-pause-millis", defaultValue = "60000")
  private long maxPauseMillis;
  @PropertyInject(value = "resource-sync.delivery.max-rejections", defaultValue = "3")
  private int maxRejections;
  @PropertyInject(value = "resource-sync.delivery.connect-timeout-millis", defaultValue = "5000")
  private long connectTimeoutMillis;
  @PropertyInject(value = "resource-sync.delivery.response-timeout-millis", defaultValue = "60000")
  private long responseTimeoutMillis;
  @PropertyInject(value = "resource-sync.delivery.ca-bundle", defaultValue = "")
  private String caBundle;
  @PropertyInject(value = "resource-sync.shutdown.flush-timeout-millis", defaultValue = "15000")
  private long flushTimeoutMillis;
  @PropertyInject(value = "resource-sync.receiver.token", defaultValue = "")
  private String receiverToken;
  @PropertyInject(value = "resource-sync.allowed-namespaces", defaultValue = "dot-ai")
  private String allowedNamespaces;
  @PropertyInject(value = "resource-sync.endpoint-allow-pattern", defaultValue = "https?://.+")
  private String endpointAllowPattern;
  @PropertyInject(value = "resource-sync.dev-console.enabled", defaultValue = "false")
  private boolean devConsole;
  @PropertyInject(value = "camel.management.host", defaultValue = "0.0.0.0")
  private String managementHost;
  @PropertyInject(value = "resource-sync.leader-election.enabled", defaultValue = "false")
  private boolean leaderElection;
  @PropertyInject(value = "resource-sync.leader-election.namespace", defaultValue = "dot-ai")
  private String leaseNamespace;
  @PropertyInject(value = "resource-sync.leader-election.pod-name", defaultValue = "resource-sync")
  private String podName;
  @PropertyInject(value = "resource-sync.leader-election.pod-labels",
      defaultValue = "app.kubernetes.io/name=dot-ai-controller")
  private String podLabels;
  @PropertyInject(value = "resource-sync.leader-election.lease-duration-millis", defaultValue = "15000")
  private long leaseDurationMillis;
  @PropertyInject(value = "resource-sync.leader-election.renew-deadline-millis", defaultValue = "10000")
  private long renewDeadlineMillis;
  @PropertyInject(value = "resource-sync.leader-election.retry-period-millis", defaultValue = "2000")
  private long retryPeriodMillis;

  @Override
  public void configure(CamelContext camel) throws Exception {
    ManagementGuard.checkDevConsole(devConsole, managementHost);
    Registry registry = camel.getRegistry();
    ReadOnlyDevConsoles consoles = new ReadOnlyDevConsoles();
    registry.bind("devConsoleRegistry", consoles);
    camel.getCamelContextExtension().addContextPlugin(DevConsoleRegistry.class, consoles);
    Clock clock = Clock.systemUTC();
    ObjectMapper json = new ObjectMapper();
    Config clusterConfig = clusterConfig();
    SharedVertx vertx = new SharedVertx();
    camel.addLifecycleStrategy(vertx);
    camel.addLifecycleStrategy(new RouteMeters(ConfigReconciler.PER_EVENT_TEMPLATE + "-"));
    registry.bind("vertx", vertx.vertx());
    KubernetesClient client = new KubernetesClientBuilder().withHttpClientFactory(vertx.httpClients())
        .withConfig(clusterConfig).build();
    InformerRegistry informers = new InformerRegistry(MetadataOnly.client(clusterConfig, vertx.httpClients()),
        listLimit);
    Pipelines pipelines = new Pipelines(informers, clock, new BatchLimits(maxRecords, maxBytes),
        new BackoffPolicy(pauseMillis, maxPauseMillis), maxRejections,
        new SyncMetrics(() -> registry.lookupByNameAndType(MicrometerConstants.METRICS_REGISTRY_NAME,
            MeterRegistry.class)), key -> DebounceWindows.waiting(camel, key));
    EventRecorder events = new EventRecorder(client, clock);
    StatusWriter statusWriter = new StatusWriter(client, pipelines, informers, events, clock);

    registry.bind("kubernetesClient", client);
    registry.bind("informerRegistry", informers);
    registry.bind("informer", new InformerComponent(client, informers));
    registry.bind("apiDiscovery", new ApiDiscovery(client));
    registry.bind("excludedTypes", ExcludedTypes.of(excludedTypes));
    registry.bind("pipelines", pipelines);
    registry.bind("relevantChange", new RelevantChange());
    registry.bind("needsWindow", new NeedsWindow(pipelines));
    registry.bind("changedRef", new ChangedRef());
    registry.bind("debounceWindow", new DebounceWindow(pipelines));
    registry.bind("changedRefsAggregation", new ChangedRefsAggregation(clock));
    registry.bind("useLatest", new UseLatestAggregationStrategy());
    registry.bind("boundedStaleness", new BoundedStaleness(clock, maxRecords));
    registry.bind("debounceTimeoutChecker", Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "debounce-timeout-checker");
      thread.setDaemon(true);
      return thread;
    }));
    registry.bind("syncRequests", new SyncRequests(pipelines, informers, new BearerTokens(client), json,
        "throwExceptionOnFailure=false&followRedirects=false&disableStreamCache=true&connectTimeout="
            + connectTimeoutMillis
            + "&responseTimeout=" + responseTimeoutMillis));
    registry.bind("syncResponses", new SyncResponses(pipelines, json));
    registry.bind("statusWriter", statusWriter);
    registry.bind("embeddedReceiver",
        new EmbeddedReceiver(new ReceiverStore(receiverToken, new KeywordSearch()), json));
    ConfigReconciler reconciler = new ConfigReconciler(camel, client.getKubernetesSerialization(), pipelines,
        statusWriter, events, pollMillis, ConfigPolicy.of(allowedNamespaces, endpointAllowPattern));
    registry.bind("configReconciler", reconciler);
    if (!caBundle.isBlank()) {
      camel.getComponent("https", HttpComponent.class).setSslContextParameters(
          CaBundle.sslContextParameters(Path.of(caBundle)));
    }
    camel.getManagementStrategy().addEventNotifier(new ShutdownFlush(camel, pipelines, clock, flushTimeoutMillis));
    if (leaderElection) {
      LeaderElection.install(camel, client, new LeaderElection.Settings(leaseNamespace, podName, podLabels,
          leaseDurationMillis, renewDeadlineMillis, retryPeriodMillis), reconciler::leadershipLost);
    }
    HealthCheckHelper.getHealthCheckRegistry(camel).register(new SyncReadiness(
        () -> informers.isSynced() || pipelines.all().isEmpty(), pipelines::failing, !leaderElection));
  }

  /** $KUBECONFIG, ~/.kube/config or the in-cluster service account, unless a kubeconfig file is set. */
  private Config clusterConfig() throws Exception {
    return kubeconfig.isBlank()
        ? Config.autoConfigure(null)
        : Config.fromKubeconfig(Files.readString(Path.of(kubeconfig)));
  }
}
