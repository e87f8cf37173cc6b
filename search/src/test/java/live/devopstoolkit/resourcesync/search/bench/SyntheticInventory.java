package live.devopstoolkit.resourcesync.search.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.search.inventory.Resource;

/**
 * A large cluster's inventory, generated: per namespace a few Helm-installed apps, each with the
 * objects a chart and its controllers create (Deployment or StatefulSet, ReplicaSet, Pods, Service,
 * ConfigMap, Secret, ServiceAccount), so that texts and label values repeat as they do in real
 * clusters.
 */
public final class SyntheticInventory {

  private static final String[] APPS = {"api", "web", "worker", "postgres", "redis", "kafka", "nginx", "auth",
      "billing", "search", "mysql", "mongodb", "rabbitmq", "grafana", "scheduler", "gateway", "cart", "catalog"};
  private static final String[] TEAMS = {"payments", "shop", "data", "platform", "identity", "growth", "ml"};
  private static final String[] ENVS = {"production", "staging", "dev"};

  private SyntheticInventory() {
  }

  public static List<Resource> generate(int count) {
    List<Resource> records = new ArrayList<>(count);
    int ns = 0;
    while (records.size() < count) {
      String team = TEAMS[ns % TEAMS.length];
      String env = ENVS[(ns / TEAMS.length) % ENVS.length];
      String namespace = team + "-" + env + "-" + ns;
      add(records, count, new Resource("_cluster", namespace, "Namespace", "v1",
          Map.of("kubernetes.io/metadata.name", namespace, "team", team), null, "2026-01-01T00:00:00Z",
          "2026-01-01T00:00:00Z"));
      for (int a = 0; a < 6 && records.size() < count; a++) {
        String app = APPS[(ns * 7 + a) % APPS.length];
        String name = team + "-" + app + (a >= APPS.length ? "-" + a : "");
        boolean stateful = app.equals("postgres") || app.equals("redis") || app.equals("kafka")
            || app.equals("mysql") || app.equals("mongodb") || app.equals("rabbitmq");
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", app);
        labels.put("app.kubernetes.io/instance", name);
        labels.put("app.kubernetes.io/managed-by", "Helm");
        labels.put("helm.sh/chart", app + "-" + (1 + a) + "." + ns % 10 + ".0");
        labels.put("app.kubernetes.io/part-of", team);
        labels.put("environment", env);
        Map<String, String> annotations = ns % 10 == 0 ? Map.of("description", "The " + app + " of the " + team
            + " team in " + env) : null;
        String t = "2026-0" + (1 + ns % 9) + "-1" + a + "T00:00:00Z";
        add(records, count, new Resource(namespace, name, stateful ? "StatefulSet" : "Deployment", "apps/v1", labels,
            annotations, t, t));
        add(records, count, new Resource(namespace, name, "Service", "v1", labels, null, t, t));
        add(records, count, new Resource(namespace, name + "-config", "ConfigMap", "v1", labels, null, t, t));
        add(records, count, new Resource(namespace, name + "-credentials", "Secret", "v1", labels, null, t, t));
        add(records, count, new Resource(namespace, name, "ServiceAccount", "v1", labels, null, t, t));
        String hash = Integer.toHexString(0x5d8f7c9 + ns * 31 + a);
        Map<String, String> podLabels = new LinkedHashMap<>(labels);
        podLabels.put(stateful ? "controller-revision-hash" : "pod-template-hash", hash);
        if (!stateful) {
          add(records, count, new Resource(namespace, name + "-" + hash, "ReplicaSet", "apps/v1", podLabels, null, t, t));
        }
        for (int p = 0; p < 2; p++) {
          add(records, count, new Resource(namespace, stateful ? name + "-" + p : name + "-" + hash + "-x" + p + "q",
              "Pod", "v1", podLabels, null, t, t));
        }
      }
      ns++;
    }
    return records;
  }

  private static void add(List<Resource> records, int count, Resource r) {
    if (records.size() < count) {
      records.add(r);
    }
  }
}
