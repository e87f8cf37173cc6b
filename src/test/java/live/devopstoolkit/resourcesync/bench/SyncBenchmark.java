package live.devopstoolkit.resourcesync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import live.devopstoolkit.resourcesync.discovery.ApiDiscovery;
import live.devopstoolkit.resourcesync.discovery.ResourceType;
import live.devopstoolkit.resourcesync.resourcesyncconfig.ResourceSyncConfig;
import live.devopstoolkit.resourcesync.testing.ClusterState;
import live.devopstoolkit.resourcesync.testing.Configs;
import live.devopstoolkit.resourcesync.testing.ControlPlane;
import live.devopstoolkit.resourcesync.testing.ProtocolReceiver;

/**
 * The measurements of bench/README.md, against a running local control plane: creates N objects of
 * mixed kinds, runs the controller jar as its own process against a receiver in this process, and
 * prints the rows of a Markdown table of figures. Run it through bench/run.sh, which starts the
 * control plane and records the machine.
 */
public final class SyncBenchmark {

  static final int CRDS = 20;
  static final int NAMESPACES = 20;
  static final String CONFIG_NS = "bench-config";
  static final String TOKEN = "bench-token";
  static final long CLK_TCK = 100;
  /** The Accept header the controller's informers list with since metadata-only informers (MetadataOnly.LIST). */
  static final String METADATA_LIST =
      "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json";
  /** The page size of the controller's informer lists (resource-sync.informer.list-limit). */
  static final int PAGE = 500;
  static final ObjectMapper JSON = new ObjectMapper();

  final KubernetesClient client;
  final int objects;
  final Path jar;
  final Path log;
  final boolean initialOnly;
  final List<String> configMaps = Collections.synchronizedList(new ArrayList<>());
  final Map<String, Long> latestSent = new ConcurrentHashMap<>();
  final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  final StringBuilder report = new StringBuilder();
  volatile Instant firstResyncDone;
  /** The controller's CPU ticks and the bytes it had received, when the first resync was applied. */
  volatile long cpuTicksAtSync = -1;
  volatile long bytesReceivedAtSync = -1;
  volatile long bytesSentAtSync = -1;
  volatile String loadAtSync;
  ByteCountingProxy proxy;
  volatile long lastResyncMillis;
  final AtomicLong resyncs = new AtomicLong();
  Process controller;
  /** ResourceSyncConfigs syncing to the receiver (BENCH_CONFIGS, default 1): bench, bench-2, ... */
  int configs = 1;

  SyncBenchmark(KubernetesClient client, int objects, Path jar, Path log, boolean initialOnly) {
    this.client = client;
    this.objects = objects;
    this.jar = jar;
    this.log = log;
    this.initialOnly = initialOnly;
  }

  public static void main(String[] args) throws Exception {
    int objects = Integer.parseInt(args[0]);
    Config config = Config.fromKubeconfig(Files.readString(Path.of(args[1])));
    config.setMaxConcurrentRequests(64);
    config.setMaxConcurrentRequestsPerHost(64);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      boolean initialOnly = args.length > 4 && "--initial-only".equals(args[4]);
      SyncBenchmark bench = new SyncBenchmark(client, objects, Path.of(args[2]), Path.of(args[3]), initialOnly);
      String configs = System.getenv("BENCH_CONFIGS");
      bench.configs = configs == null || configs.isBlank() ? 1 : Integer.parseInt(configs.trim());
      try {
        bench.run(Path.of(args[1]));
      } finally {
        if (bench.controller != null) {
          bench.controller.destroy();
          bench.controller.waitFor(60, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(bench.proxiedKubeconfig());
      }
      System.out.println(bench.report);
    }
    System.exit(0);
  }

  void run(Path kubeconfig) throws Exception {
    long created = populate();
    row("objects created", objects + " (" + created / 1000 + " s to create)");
    URI apiServer = URI.create(client.getConfiguration().getMasterUrl());
    try (ProtocolReceiver receiver = new ProtocolReceiver(TOKEN);
        ByteCountingProxy counting = new ByteCountingProxy(apiServer.getHost(), apiServer.getPort())) {
      proxy = counting;
      receiver.keepRequests(false);
      receiver.onRequest(this::observe);
      configure(receiver.endpoint());
      int expected = ClusterState.expectedRecords(client).size();
      writeProxiedKubeconfig(kubeconfig, apiServer, proxiedKubeconfig());

      // The controller reads config/ and routes/ from its working directory: the jar's own project's.
      Path project = jar.toAbsolutePath().getParent().getParent();
      List<String> command = java(project);
      command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
      ProcessBuilder process = new ProcessBuilder(command)
          .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile());
      process.environment().put("KUBECONFIG", proxiedKubeconfig().toAbsolutePath().toString());
      process.environment().put("RESOURCE_SYNC_ALLOWED_NAMESPACES", CONFIG_NS);
      String jfr = System.getenv("BENCH_JFR");
      if (jfr != null && !jfr.isEmpty()) {
        process.environment().put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=name=bench,settings=profile,"
            + "filename=" + Path.of(jfr).toAbsolutePath());
      }
      String loadAtStart = loadAverage();
      long started = System.currentTimeMillis();
      controller = process.start();
      await(Duration.ofMinutes(10), () -> !controller.isAlive()
          || firstResyncDone != null && receiver.records().size() >= expected);
      if (firstResyncDone == null || receiver.records().size() < expected) {
        throw new IllegalStateException("the controller did not sync within 10 minutes"
            + (controller.isAlive() ? "" : " (it exited: see " + log + ")"));
      }
      // The controller's CPU per thread until synced: JIT, GC, start-up, informer events, I/O.
      Files.writeString(log.resolveSibling("controller-" + objects + ".threads.txt"), cpuByThread(Map.of()));
      if (jfr != null && !jfr.isEmpty()) {
        // The recording covers the controller from its start until the initial sync, nothing after.
        System.err.println("bench: " + jcmd("JFR.stop name=bench").trim());
        Files.writeString(Path.of(jfr + ".threads.txt"), cpuByThread(Map.of()));
      }
      long initial = firstResyncDone.toEpochMilli() - started;
      row("initial sync: controller start to receiver holding every object", seconds(initial)
          + " (" + expected + " records, resync request " + seconds(lastResyncMillis) + ")");
      row("load average (1, 5, 15 min) at controller start; when synced", loadAtStart + "; " + loadAtSync
          + " (the machine is shared)");
      row("controller CPU (user+sys) from start until synced", String.format("%.2f s", cpuTicksAtSync
          / (double) CLK_TCK));
      row("bytes received from the API server by the controller until synced (TCP through a counting proxy)",
          mebibytes(bytesReceivedAtSync) + " (" + bytesReceivedAtSync + " bytes; sent " + mebibytes(bytesSentAtSync)
          + "; " + proxy.connections() + " connections opened)");
      exact(receiver, "after initial sync");
      if (configs > 1) {
        // Every config sends its own first full resync; the figures below follow the last of them.
        await(Duration.ofMinutes(10), () -> resyncs.get() >= configs);
        row(configs + " configs: every config's first full resync applied", seconds(System.currentTimeMillis()
            - started) + " after the controller's start (" + resyncs.get() + " resyncs); controller CPU until then "
            + String.format("%.2f s", cpuTicks() / (double) CLK_TCK));
      }

      long live = liveHeapKib();
      long rss = rssKib();
      String nmt = jcmd("VM.native_memory summary");
      if (nmt.contains("Total:")) {
        // Started with -XX:NativeMemoryTracking=summary (through BENCH_JVM_OPTIONS): where the RSS goes.
        Files.writeString(log.resolveSibling("controller-" + objects + ".nmt.txt"), nmt);
      }
      row("live heap after initial sync (after full GC)", mib(live) + " MiB (" + String.format("%.1f",
          live / 1024.0 / (expected / 1000.0)) + " MiB per 1,000 objects)");
      row("RSS after initial sync", mib(rss) + " MiB");
      listingBytes("full objects", "application/json");
      listingBytes("as PartialObjectMetadataList", METADATA_LIST);
      floor(project, initial);
      if (initialOnly) {
        return;
      }

      Map<String, Long> ticksBeforeChurn = threadTicks();
      if (jfr != null && !jfr.isEmpty()) {
        // A second recording covers the churn phase alone.
        System.err.println("bench: " + jcmd("JFR.start name=churn settings=profile filename="
            + Path.of(jfr + ".churn.jfr").toAbsolutePath()).trim());
      }
      churn(receiver, 200, Duration.ofMinutes(2));
      if (jfr != null && !jfr.isEmpty()) {
        System.err.println("bench: " + jcmd("JFR.stop name=churn").trim());
        Files.writeString(Path.of(jfr + ".churn.threads.txt"), cpuByThread(ticksBeforeChurn));
      }
      if ("0".equals(System.getenv("BENCH_BURST"))) {
        // Churn only (BENCH_BURST=0): the burst takes a minute and a half and measures no CPU.
        exact(receiver, "after churn");
      } else {
        burst(receiver, 20_000);
        exact(receiver, "after churn and burst");
      }
      resyncMemory(expected);
    }
  }

  Path proxiedKubeconfig() {
    return log.resolveSibling("kubeconfig-through-proxy");
  }

  /**
   * The controller's kubeconfig: the benchmark's, with the API server's address replaced by the
   * counting proxy's, so only the controller's traffic is counted.
   */
  void writeProxiedKubeconfig(Path kubeconfig, URI apiServer, Path proxied) throws IOException {
    String server = apiServer.getScheme() + "://" + apiServer.getHost() + ":" + apiServer.getPort();
    Matcher line = Pattern.compile("server: *" + Pattern.quote(server) + "/?[ \\t]*$", Pattern.MULTILINE)
        .matcher(Files.readString(kubeconfig));
    if (!line.find()) {
      throw new IllegalStateException("no 'server: " + server + "' line in " + kubeconfig);
    }
    Files.deleteIfExists(proxied);
    Files.createFile(proxied, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(proxied, line.replaceFirst(Matcher.quoteReplacement(
        "server: " + apiServer.getScheme() + "://127.0.0.1:" + proxy.port())));
  }

  /**
   * Lists every type the controller discovers, across all namespaces, 500 per page, with the given
   * Accept header, and reports the bytes of the response bodies: the JSON a client parses for one
   * full listing, before (whole objects) and after (metadata only) the informers' change.
   */
  void listingBytes(String form, String accept) throws Exception {
    HttpClient http = client.getHttpClient();
    String base = client.getConfiguration().getMasterUrl();
    Set<ResourceType> types = new ApiDiscovery(client).discover().types();
    long bytes = 0;
    long items = 0;
    long pages = 0;
    for (ResourceType type : types) {
      String next = "";
      do {
        byte[] body = page(http, base, type, next, accept);
        JsonNode list = JSON.readTree(body);
        bytes += body.length;
        items += list.path("items").size();
        pages++;
        next = list.path("metadata").path("continue").asText("");
      } while (!next.isEmpty());
    }
    row("one listing of every discovered type, " + PAGE + " per page, " + form, mebibytes(bytes) + " of JSON ("
        + bytes + " bytes; " + types.size() + " types, " + items + " objects, " + pages + " pages)");
  }

  /** One page of a type's list across all namespaces, {@value #PAGE} per page, as the Accept header asks. */
  static byte[] page(HttpClient http, String base, ResourceType type, String next, String accept)
      throws Exception {
    String url = base + (type.group().isEmpty() ? "api/" : "apis/" + type.group() + "/") + type.version() + "/"
        + type.plural() + "?limit=" + PAGE
        + (next.isEmpty() ? "" : "&continue=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    HttpResponse<byte[]> response = http.sendAsync(http.newHttpRequestBuilder().uri(url)
        .setHeader("Accept", accept).build(), byte[].class).get(2, TimeUnit.MINUTES);
    if (!response.isSuccessful()) {
      throw new IllegalStateException("GET " + url + ": HTTP " + response.code());
    }
    return response.body();
  }

  /**
   * The floor of the initial sync (issue 10): the time to list every discovered type's metadata,
   * the way the informers ask for it, with this client and {@value #FLOOR_THREADS} types at a time,
   * plus the start of an empty JVM with the controller's options. Best of a few tries each, since
   * the floor is what the machine can do at best; the controller's figure is one try.
   */
  void floor(Path project, long controllerMillis) throws Exception {
    Set<ResourceType> types = new ApiDiscovery(client).discover().types();
    long listing = Long.MAX_VALUE;
    for (int i = 0; i < 2; i++) {
      listing = Math.min(listing, parallelListing(types));
    }
    long jvm = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      List<String> command = java(project);
      command.addAll(List.of("-cp", Path.of(EmptyMain.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toString(), EmptyMain.class.getName()));
      long start = System.nanoTime();
      Process empty = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (empty.waitFor() != 0) {
        throw new IllegalStateException("an empty JVM failed: " + command);
      }
      jvm = Math.min(jvm, (System.nanoTime() - start) / 1_000_000);
    }
    long floor = listing + jvm;
    row("floor: every discovered type's metadata listed (" + FLOOR_THREADS + " types at a time, " + PAGE
        + " per page, best of 2) + an empty JVM started and stopped (best of 3)", seconds(listing) + " + "
        + seconds(jvm) + " = " + seconds(floor));
    row("initial sync / floor", String.format("%.1f× (%s / %s)", controllerMillis / (double) floor,
        seconds(controllerMillis), seconds(floor)));
  }

  static final int FLOOR_THREADS = 8;

  /** Lists every type as PartialObjectMetadataList, parsing each page; returns the wall time in ms. */
  long parallelListing(Set<ResourceType> types) throws Exception {
    HttpClient http = client.getHttpClient();
    String base = client.getConfiguration().getMasterUrl();
    ExecutorService pool = Executors.newFixedThreadPool(FLOOR_THREADS);
    AtomicLong items = new AtomicLong();
    long start = System.nanoTime();
    try {
      List<Future<?>> lists = new ArrayList<>();
      for (ResourceType type : types) {
        lists.add(pool.submit(() -> {
          String next = "";
          do {
            JsonNode list = JSON.readTree(page(http, base, type, next, METADATA_LIST));
            items.addAndGet(list.path("items").size());
            next = list.path("metadata").path("continue").asText("");
          } while (!next.isEmpty());
          return null;
        }));
      }
      for (Future<?> list : lists) {
        list.get();
      }
    } finally {
      pool.shutdown();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * The java command the controller runs with: the options of its project's config/jvm.options
   * (the one home of the JVM's settings, as the image's entrypoint uses it), when there is one, then
   * BENCH_JVM_OPTIONS (space-separated), which a run may add to try other settings.
   */
  static List<String> java(Path project) {
    List<String> command = new ArrayList<>(List.of("java"));
    if (Files.isRegularFile(project.resolve(JVM_OPTIONS))) {
      command.add("@" + JVM_OPTIONS);
    }
    String extra = System.getenv("BENCH_JVM_OPTIONS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    return command;
  }

  static final String JVM_OPTIONS = "config/jvm.options";

  /** Namespaces, CRDs and N objects: 40% ConfigMaps of ~10 KiB, 20% Secrets, 15% Deployments, 10% Services, 15% CRs. */
  long populate() throws Exception {
    long start = System.currentTimeMillis();
    for (int i = 0; i < NAMESPACES; i++) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bench-" + i).endMetadata()
          .build()).serverSideApply();
    }
    List<ResourceDefinitionContext> crds = new ArrayList<>();
    for (int i = 0; i < CRDS; i++) {
      crds.add(crd(i));
    }
    String data = "x".repeat(10 * 1024);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch done = new CountDownLatch(objects);
    AtomicLong failures = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    for (int i = 0; i < objects; i++) {
      int n = i;
      pool.execute(() -> {
        try {
          for (int attempt = 1; ; attempt++) {
            try {
              create(n, data, crds);
              break;
            } catch (RuntimeException e) {
              if (attempt == 5) {
                failures.incrementAndGet();
                firstError.compareAndSet(null, e.getMessage());
                break;
              }
              TimeUnit.SECONDS.sleep(attempt);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    pool.shutdown();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " objects could not be created, e.g.: " + firstError.get());
    }
    return System.currentTimeMillis() - start;
  }

  void create(int i, String data, List<ResourceDefinitionContext> crds) {
    String ns = "bench-" + (i % NAMESPACES);
    String name = "obj-" + i;
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name).withNamespace(ns)
        .addToLabels("app", "bench-" + (i % 50)).addToLabels("tier", i % 3 == 0 ? "db" : "web");
    if (i % 4 == 0) {
      meta.addToAnnotations("description", "benchmark object " + i);
    }
    int slot = i % 20;
    if (slot < 8) {
      client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withMetadata(meta.build())
          .addToData("payload", data).build()).create();
      configMaps.add(ns + "/" + name);
    } else if (slot < 12) {
      client.secrets().inNamespace(ns).resource(new SecretBuilder().withMetadata(meta.build())
          .addToStringData("password", "secret-" + i).build()).create();
    } else if (slot < 15) {
      client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder().withMetadata(meta.build())
          .withNewSpec().withNewSelector().addToMatchLabels("obj", name).endSelector()
          .withNewTemplate().withNewMetadata().addToLabels("obj", name).endMetadata()
          .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
          .endTemplate().endSpec().build()).create();
    } else if (slot < 17) {
      client.services().inNamespace(ns).resource(new ServiceBuilder().withMetadata(meta.build())
          .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
    } else {
      ResourceDefinitionContext crd = crds.get(i % CRDS);
      GenericKubernetesResource object = new GenericKubernetesResource();
      object.setApiVersion("bench.example.com/v1");
      object.setKind(crd.getKind());
      object.setMetadata(meta.build());
      object.setAdditionalProperty("spec", Map.of("size", i));
      client.genericKubernetesResources(crd).inNamespace(ns).resource(object).create();
    }
  }

  ResourceDefinitionContext crd(int i) throws IOException {
    String yaml = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets%d.bench.example.com}
        spec:
          group: bench.example.com
          scope: Namespaced
          names: {plural: widgets%d, singular: widget%d, kind: Widget%d}
          versions:
            - name: v1
              served: true
              storage: true
              schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
        """.formatted(i, i, i, i);
    CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
        .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).item();
    ControlPlane.awaitEstablished(client, client.resource(crd).serverSideApply());
    return new ResourceDefinitionContext.Builder().withGroup("bench.example.com").withVersion("v1")
        .withKind("Widget" + i).withPlural("widgets" + i).withNamespaced(true).build();
  }

  void configure(String endpoint) throws IOException {
    ControlPlane.installCrd(client);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(CONFIG_NS).endMetadata().build())
        .serverSideApply();
    Configs.secret(client, CONFIG_NS, "mcp-credentials", TOKEN);
    Configs.apply(client, CONFIG_NS, "bench", endpoint, "mcp-credentials", 2);
    for (int i = 2; i <= configs; i++) {
      Configs.apply(client, CONFIG_NS, "bench-" + i, endpoint, "mcp-credentials", 2);
    }
  }

  void observe(JsonNode request, long millis) {
    if (request.path("isResync").asBoolean(false)) {
      resyncs.incrementAndGet();
      lastResyncMillis = millis;
      if (firstResyncDone == null) {
        bytesReceivedAtSync = proxy.bytesFromServer();
        bytesSentAtSync = proxy.bytesToServer();
        try {
          cpuTicksAtSync = cpuTicks();
          loadAtSync = loadAverage();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        firstResyncDone = Instant.now();
      }
    }
    long now = System.currentTimeMillis();
    for (JsonNode record : request.path("upserts")) {
      JsonNode ts = record.path("labels").path("bench-ts");
      if (!ts.isMissingNode()) {
        String key = record.path("namespace").asText() + "/" + record.path("name").asText();
        long sent = Long.parseLong(ts.asText());
        if (latestSent.remove(key, sent)) {
          latencies.add(now - sent);
        }
      }
    }
  }

  /** Changes at a fixed rate, each a new bench-ts label on a ConfigMap; latency = arrival - that time. */
  void churn(ProtocolReceiver receiver, int perSecond, Duration duration) throws Exception {
    int total = (int) (perSecond * duration.toSeconds());
    long cpuBefore = cpuTicks();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    long start = System.nanoTime();
    List<String> targets = configMaps.subList(0, Math.min(configMaps.size(), 4_000));
    for (int k = 0; k < total; k++) {
      long due = start + k * 1_000_000_000L / perSecond;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      String target = targets.get(k % targets.size());
      pool.execute(() -> label(target, "bench-ts", null));
    }
    pool.shutdown();
    pool.awaitTermination(5, TimeUnit.MINUTES);
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    await(Duration.ofMinutes(5), latestSent::isEmpty);
    long cpu = cpuTicks() - cpuBefore;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    row("churn: " + total + " label changes at " + perSecond + "/s (" + String.format("%.0f", sendSeconds)
        + " s), 2 s debounce", "p50 " + seconds(percentile(sorted, 50)) + ", p99 " + seconds(percentile(sorted, 99))
        + ", max " + seconds(sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1)) + " (" + sorted.size()
        + " latest states timed; lost: " + latestSent.size() + ")");
    row("controller CPU per 1,000 changes (during churn)", String.format("%.2f s", cpu / (double) CLK_TCK
        / (total / 1000.0)));
  }

  /** As many changes as the API server takes, on distinct objects where there are enough. */
  void burst(ProtocolReceiver receiver, int changes) throws Exception {
    latencies.clear();
    ExecutorService pool = Executors.newFixedThreadPool(64);
    long start = System.nanoTime();
    CountDownLatch sent = new CountDownLatch(changes);
    for (int k = 0; k < changes; k++) {
      String target = configMaps.get(k % configMaps.size());
      String value = "b" + k;
      pool.execute(() -> {
        try {
          label(target, "burst", value);
        } finally {
          sent.countDown();
        }
      });
    }
    sent.await();
    pool.shutdown();
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    // Concurrent patches of one ConfigMap apply in no fixed order: the cluster says which value won.
    Map<String, String> expected = new ConcurrentHashMap<>();
    client.configMaps().inAnyNamespace().withLabel("burst").list().getItems().forEach(cm -> expected.put(
        cm.getMetadata().getNamespace() + "/" + cm.getMetadata().getName(), cm.getMetadata().getLabels().get("burst")));
    boolean converged = await(Duration.ofMinutes(5), () -> missing(receiver, expected) == 0);
    double convergeSeconds = (System.nanoTime() - start) / 1e9;
    row("burst: " + changes + " changes on " + expected.size() + " ConfigMaps", String.format(
        "sent in %.1f s, receiver converged %.1f s after the first change; lost: %d", sendSeconds, convergeSeconds,
        converged ? 0 : missing(receiver, expected)));
  }

  /**
   * A periodic resync at full size: the config's interval goes to 1 minute (its routes are rebuilt,
   * so the next resync comes a minute later), and the live heap is sampled with a full GC before each
   * reading from shortly before that resync until it has been acknowledged.
   */
  void resyncMemory(int records) throws Exception {
    long baseline = liveHeapKib();
    long before = resyncs.get();
    client.resources(ResourceSyncConfig.class).inNamespace(CONFIG_NS).withName("bench")
        .edit(config -> {
          config.getSpec().setResyncIntervalMinutes(1);
          return config;
        });
    long changed = System.nanoTime();
    TimeUnit.SECONDS.sleep(50);
    long peak = baseline;
    while (resyncs.get() == before && System.nanoTime() - changed < TimeUnit.MINUTES.toNanos(3)) {
      peak = Math.max(peak, liveHeapKib());
    }
    row("periodic full resync at " + records + " records", "request " + seconds(lastResyncMillis)
        + "; live heap " + mib(baseline) + " MiB before, at most " + mib(peak) + " MiB while it ran (+"
        + mib(peak - baseline) + " MiB)");
  }

  long missing(ProtocolReceiver receiver, Map<String, String> expected) {
    Map<String, JsonNode> records = receiver.records();
    return expected.entrySet().stream().filter(e -> {
      String[] nsName = e.getKey().split("/");
      JsonNode record = records.get(nsName[0] + ":v1:ConfigMap:" + nsName[1]);
      return record == null || !e.getValue().equals(record.path("labels").path("burst").asText());
    }).count();
  }

  void label(String namespacedName, String key, String value) {
    String[] nsName = namespacedName.split("/");
    String labelValue = value;
    if (labelValue == null) {
      long now = System.currentTimeMillis();
      labelValue = Long.toString(now);
      latestSent.put(namespacedName, now);
    }
    client.configMaps().inNamespace(nsName[0]).withName(nsName[1]).patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"metadata\":{\"labels\":{\"" + key + "\":\"" + labelValue + "\"}}}");
  }

  void exact(ProtocolReceiver receiver, String when) throws Exception {
    boolean same = await(Duration.ofMinutes(3), () -> {
      Map<String, JsonNode> expected = ClusterState.expectedRecords(client);
      Map<String, JsonNode> actual = receiver.records();
      return expected.keySet().equals(actual.keySet()) && expected.keySet().stream().allMatch(id ->
          expected.get(id).path("labels").equals(actual.get(id).path("labels")));
    });
    row("receiver = cluster " + when, same ? "yes (ids and labels of every object)" : "NO");
  }

  long liveHeapKib() throws Exception {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    // One line for G1's heap; one per generation for the Serial and Parallel collectors.
    Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
    long kib = 0;
    boolean found = false;
    while (used.find()) {
      kib += Long.parseLong(used.group(1));
      found = true;
    }
    return found ? kib : -1;
  }

  /**
   * The controller's CPU seconds (user+sys) per thread name, digits as N (not C1/C2), most first,
   * less those of {@code since}: JFR's execution samples see Java code only, not the JIT compilers,
   * GC or other VM threads.
   */
  String cpuByThread(Map<String, Long> since) throws IOException {
    StringBuilder out = new StringBuilder();
    threadTicks().entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - since.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> out.append(String.format("%8.2f s  %s%n", e.getValue() / (double) CLK_TCK, e.getKey())));
    return out.toString();
  }

  Map<String, Long> threadTicks() throws IOException {
    Map<String, Long> ticks = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + controller.pid() + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          String name = Files.readString(task.resolve("comm")).trim().replaceAll("(?<!^C)\\d+", "N");
          ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while being read
        }
      }
    }
    return ticks;
  }

  String jcmd(String command) throws Exception {
    Process jcmd = new ProcessBuilder("jcmd", Long.toString(controller.pid()), command).redirectErrorStream(true)
        .start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    jcmd.waitFor();
    return out;
  }

  long rssKib() throws IOException {
    return Files.readAllLines(Path.of("/proc/" + controller.pid() + "/status")).stream()
        .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst()
        .orElse(-1);
  }

  long cpuTicks() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + controller.pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static String loadAverage() throws IOException {
    String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return condition.getAsBoolean();
  }

  static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  void row(String what, String figure) {
    report.append("| ").append(what).append(" | ").append(figure).append(" |\n");
    System.err.println("bench: " + what + ": " + figure);
  }

  static String seconds(long millis) {
    return String.format("%.2f s", millis / 1000.0);
  }

  static String mebibytes(long bytes) {
    return String.format("%.1f MiB", bytes / 1024.0 / 1024.0);
  }

  static long mib(long kib) {
    return kib / 1024;
  }

}
