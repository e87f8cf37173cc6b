package live.devopstoolkit.resourcesync.search.ranking;

import java.util.Map;

/**
 * What built-in kinds are for, in the words of questions: "passwords" should find Secrets and
 * "what runs on every node" DaemonSets, though neither word is in a Secret's or DaemonSet's record.
 */
final class KindGlossary {

  private static final Map<String, String> MEANINGS = Map.ofEntries(
      Map.entry("Secret", "credentials, passwords, keys"),
      Map.entry("ConfigMap", "configuration settings"),
      Map.entry("Deployment", "application workload"),
      Map.entry("StatefulSet", "stateful workload with persistent storage"),
      Map.entry("DaemonSet", "runs on every node"),
      Map.entry("CronJob", "scheduled job"),
      Map.entry("Job", "batch job"),
      Map.entry("Service", "network endpoint"),
      Map.entry("Ingress", "http routing from outside"),
      Map.entry("PersistentVolumeClaim", "storage volume claim"),
      Map.entry("HorizontalPodAutoscaler", "autoscaling"),
      Map.entry("NetworkPolicy", "network firewall rules"),
      Map.entry("PodDisruptionBudget", "availability during maintenance"),
      Map.entry("ServiceAccount", "workload identity"),
      Map.entry("CustomResourceDefinition", "api type definition"),
      Map.entry("APIService", "aggregated api registration"));

  private KindGlossary() {
  }

  static String meaning(String kind) {
    return MEANINGS.get(kind);
  }
}
