package live.devopstoolkit.resourcesync.search.bench;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.testing.RunningServer;

/**
 * bench/search.sh runs this: a real search server over HTTP, fed 50,000 records from empty in
 * batches of 500 (as the controller sends incremental changes), or with {@code resync} as one full
 * resync request holding every record (the controller's first sync: the server answers before
 * embedding and embeds behind; the figure then runs until nothing waits), then change-to-searchable
 * latency, query latency, heap and disk, and a restart. Prints a block for bench/RESULTS.md.
 */
public final class IndexBenchmark {

  private static final List<String> QUESTIONS = List.of("which databases are we running?",
      "what caches do we have", "list deployments in production namespace", "find all services related to payments",
      "message queues", "grafana dashboards", "postgres in staging", "credentials of the billing team",
      "nginx", "what runs in the data team namespaces");

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    boolean oneResync = args.length > 1 && args[1].equals("resync");
    Path dir = Files.createTempDirectory("search-bench");
    List<Resource> records = SyntheticInventory.generate(count);
    StringBuilder out = new StringBuilder();
    out.append(String.format("records=%d cpus=%d maxHeapMB=%d%n", records.size(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (RunningServer server = new RunningServer(dir.resolve("index"), null)) {
      String loadBefore = loadAverage();
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      if (oneResync) {
        var answer = server.sync(records, List.of(), true);
        if (answer.status() != 200) {
          throw new IllegalStateException("resync failed: " + answer.body());
        }
        out.append(String.format("one resync request of %d records: answered after %.1f s (%s), %d records waiting to be "
            + "embedded then%n", records.size(), (System.nanoTime() - start) / 1e9, answer.body().path("data"),
            server.get("/healthz", null).body().path("embeddingPending").asInt()));
        await().atMost(Duration.ofHours(1)).pollInterval(Duration.ofMillis(200))
            .until(() -> server.get("/healthz", null).body().path("embeddingPending").asInt() == 0);
      } else {
        for (int from = 0; from < records.size(); from += 500) {
          var answer = server.sync(records.subList(from, Math.min(records.size(), from + 500)), List.of(), false);
          if (answer.status() != 200) {
            throw new IllegalStateException("sync failed: " + answer.body());
          }
        }
      }
      double indexSeconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
      out.append(String.format("index-from-empty%s seconds=%.1f records/s=%.0f process-cpu-seconds=%.0f (%.1f ms per record)"
          + " embedded=%d; of the CPU, the model's pool threads (\"embedding\") %.0f s%n",
          oneResync ? " (until every record is embedded)" : "", indexSeconds, records.size() / indexSeconds, cpuSeconds,
          cpuSeconds * 1000 / records.size(), server.server().embedder().embeddedCount(), threadCpuSeconds("embedding")));
      out.append(String.format("load average (1, 5, 15 min) when indexing began: %s; when it ended: %s%n", loadBefore,
          loadAverage()));

      List<Double> visible = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Resource base = records.get(i * 997 % records.size());
        String word = "canary" + i + "zz";
        Resource changed = new Resource(base.namespace(), base.name(), base.kind(), base.apiVersion(),
            Map.of("app.kubernetes.io/name", word), null, base.createdAt(), "2026-11-27T00:00:0" + (i % 10) + "Z");
        long t0 = System.nanoTime();
        server.sync(List.of(changed), List.of(), false);
        while (!server.search(word, "limit=1&mode=keyword").body().path(0).path("id").asText().equals(changed.id())) {
          Thread.onSpinWait();
        }
        visible.add((System.nanoTime() - t0) / 1e6);
      }
      Collections.sort(visible);
      out.append(String.format("change-to-searchable ms p50=%.0f max=%.0f (sync request + first search that finds it)%n",
          visible.get(visible.size() / 2), visible.get(visible.size() - 1)));

      for (String q : QUESTIONS) {
        server.search(q, "limit=10");
      }
      out.append(String.format("load average (1, 5, 15 min) when the queries began: %s%n", loadAverage()));
      List<String> repeated = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        repeated.add(QUESTIONS.get(i % QUESTIONS.size()));
      }
      out.append(latencies("query ms (hybrid, limit 10, over HTTP; 10 questions asked again, their vectors cached)",
          server, repeated));
      List<String> distinct = distinctQuestions(300);
      List<Double> embedding = new ArrayList<>();
      for (String q : distinct) {
        long t0 = System.nanoTime();
        server.server().embedder().embed(q);
        embedding.add((System.nanoTime() - t0) / 1e6);
      }
      out.append(percentiles("embedding one question alone ms", embedding));
      out.append(latencies("query ms (hybrid, limit 10, over HTTP; 300 distinct questions, each embedded)", server,
          distinct));
      out.append(String.format("load average (1, 5, 15 min) when the queries ended: %s%n", loadAverage()));

      System.gc();
      Thread.sleep(500);
      System.gc();
      var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      out.append(String.format("heap used after GC MB=%d (the model and ONNX Runtime live off-heap)%n", heap.getUsed() >> 20));
      out.append(String.format("index on disk MB=%.1f%n", server.server().index().diskBytes() / 1048576.0));
      var process = ProcessHandle.current().pid();
      String status = Files.readString(Path.of("/proc/" + process + "/status"));
      status.lines().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
          .forEach(l -> out.append("process ").append(l.replaceAll("\\s+", " ")).append('\n'));
    }
    long t0 = System.nanoTime();
    try (RunningServer restarted = new RunningServer(dir.resolve("index"), null)) {
      double open = (System.nanoTime() - t0) / 1e9;
      long before = restarted.server().embedder().embeddedCount();
      long r0 = System.nanoTime();
      for (int from = 0; from < records.size(); from += 500) {
        restarted.sync(records.subList(from, Math.min(records.size(), from + 500)), List.of(), false);
      }
      out.append(String.format("restart: open seconds=%.1f records=%d; re-sending all %d records took %.1f s and "
          + "embedded %d%n", open, restarted.server().index().size(), records.size(), (System.nanoTime() - r0) / 1e9,
          restarted.server().embedder().embeddedCount() - before));
    }
    System.out.println("BENCH-RESULT\n" + out);
    // The MCP SDK's session sweeper thread is not a daemon; the benchmark is done.
    System.exit(0);
  }
  private static String latencies(String what, RunningServer server, List<String> questions) {
    List<Double> latencies = new ArrayList<>();
    for (String q : questions) {
      long t0 = System.nanoTime();
      var answer = server.search(q, "limit=10");
      latencies.add((System.nanoTime() - t0) / 1e6);
      if (answer.status() != 200) {
        throw new IllegalStateException("search failed: " + answer.body());
      }
    }
    return percentiles(what, latencies);
  }

  private static String percentiles(String what, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return String.format("%s p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", what, sorted.get(n / 2),
        sorted.get((int) Math.ceil(n * 0.95) - 1), sorted.get((int) Math.ceil(n * 0.99) - 1), sorted.get(n - 1));
  }

  /** Questions no earlier query asked (up to 800), so each one is embedded: what a new question costs. */
  private static List<String> distinctQuestions(int count) {
    String[] subjects = {"databases", "caches", "queues", "web servers", "apis", "workers", "dashboards", "gateways",
        "schedulers", "search engines", "billing", "checkout", "auth", "catalog", "payments", "carts"};
    String[] teams = {"payments", "shop", "data", "platform", "identity", "growth", "ml", "nobody", "finance",
        "marketing"};
    String[] forms = {"which %s does the %s team run", "%s of %s", "show %s owned by %s", "%s used by %s in staging",
        "where are the %s for %s"};
    List<String> questions = new ArrayList<>();
    for (int i = 0; questions.size() < count; i++) {
      questions.add(String.format(forms[i % forms.length], subjects[(i / forms.length) % subjects.length],
          teams[(i / (forms.length * subjects.length)) % teams.length]));
    }
    return questions;
  }

  /** CPU seconds of the live threads with this name. */
  private static double threadCpuSeconds(String name) {
    var threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().equals(name)) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total / 1e9;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
