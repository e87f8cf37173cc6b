package live.devopstoolkit.resourcesync.search.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import live.devopstoolkit.resourcesync.search.inventory.Resource;

/**
 * A judged set under src/test/resources: an inventory and questions with their relevant ids.
 * {@link #TUNING} is the set the ranking was first tuned on. {@link #HELD_OUT} was written apart
 * from it (another company, other software) to show how far that tuning generalised; its misses
 * then drove generic changes, so it is no longer unseen. {@link #HELD_OUT_2} (a third company) was
 * written after those changes and no ranking change was made against it. {@link #HELD_OUT_3} (a
 * freight company on operators none of the others use) was written before its author read the
 * ranking code. {@link #HELD_OUT_4} (a game studio on GKE, with Agones, Config Connector and other
 * operators the first four do not use) was likewise written blind, after the changes set 3 prompted;
 * its misses, with set 3's, then drove two generic changes, so neither is unseen any more.
 * {@link #HELD_OUT_5} (a hospital network's health-tech platform on EKS, with ACK, Karpenter and
 * other software the first five do not use) was written blind after the changes sets 3 and 4
 * prompted, and judged before any ranking ran on it.
 * {@link #HELD_OUT_6} (a seventh company, an invoicing SaaS on kubeadm installed by plain Helm
 * charts and hand-written manifests with legacy labels, few operators) was written blind at the
 * same time. {@link #HELD_OUT_7} (an eighth company, a retail bank's digital channels on AKS, with
 * Azure Service Operator, Kong, CockroachDB, Couchbase, Pulsar, Camunda and other software no
 * earlier set uses) was written blind after the changes sets 5 and 6 prompted. {@link #HELD_OUT_8}
 * (a ninth company, an energy utility on RKE2 with Rancher, Longhorn, EMQX, TimescaleDB, QuestDB,
 * ClickHouse, NiFi, KubeVirt and KubeRay) was written blind after the changes set 7 prompted.
 * {@link #HELD_OUT_9} (a tenth company, a public broadcaster's streaming platform on OpenShift, with
 * Routes, DeploymentConfigs, OLM, AMQ Streams, ECK, Crunchy PGO, Flink, Temporal and 3scale) was
 * written blind at the same time and scored after the changes set 8 prompted. {@link #HELD_OUT_10}
 * (an eleventh, a university's research computing platform on kubeadm, with JupyterHub, Kubeflow,
 * Kueue, the NVIDIA GPU operator, Dask, Spark, Ray and a Slurm bridge) was written blind after the
 * changes set 9 prompted. {@link #HELD_OUT_11} (a twelfth, an insurer's claims and policy platform
 * on vSphere with Tanzu, with Carvel packages, Contour, Antrea, kpack and Tanzu SQL for Postgres) was
 * written blind after the changes set 10 prompted. {@link #HELD_OUT_12} (a mobile operator's 5G core
 * on kubeadm, with Multus, SR-IOV, MetalLB, Rook-Ceph, K8ssandra, Strimzi and Flux) and
 * {@link #HELD_OUT_13} (a food-delivery marketplace on Talos clusters built by Cluster API, with
 * Cilium, Traefik, Argo Rollouts, KEDA, Dragonfly and Altinity ClickHouse) were written blind at
 * the same time, after the changes set 11 prompted, each with more questions in the company's own
 * business words than the earlier sets.
 */
public final class EvalSet {

  public static final String TUNING = "eval";
  public static final String HELD_OUT = "eval-heldout";
  public static final String HELD_OUT_2 = "eval-heldout-2";
  public static final String HELD_OUT_3 = "eval-heldout-3";
  public static final String HELD_OUT_4 = "eval-heldout-4";
  public static final String HELD_OUT_5 = "eval-heldout-5";
  public static final String HELD_OUT_6 = "eval-heldout-6";
  public static final String HELD_OUT_7 = "eval-heldout-7";
  public static final String HELD_OUT_8 = "eval-heldout-8";
  public static final String HELD_OUT_9 = "eval-heldout-9";
  public static final String HELD_OUT_10 = "eval-heldout-10";
  public static final String HELD_OUT_11 = "eval-heldout-11";
  public static final String HELD_OUT_12 = "eval-heldout-12";
  public static final String HELD_OUT_13 = "eval-heldout-13";

  public record Question(String text, Set<String> relevant) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalSet() {
  }

  /** The tuning set's inventory, which the server ITs sync. */
  public static List<Resource> inventory() {
    return inventory(TUNING);
  }

  public static List<Resource> inventory(String set) {
    List<Resource> records = new ArrayList<>();
    read("/" + set + "/inventory.json").forEach(n -> records.add(Resource.fromJson(n)));
    return records;
  }

  public static List<Question> questions(String set) {
    List<Question> questions = new ArrayList<>();
    for (JsonNode q : read("/" + set + "/questions.json")) {
      Set<String> relevant = new TreeSet<>();
      q.path("relevant").forEach(id -> relevant.add(id.asText()));
      questions.add(new Question(q.path("question").asText(), relevant));
    }
    return questions;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = EvalSet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no judged set file " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
