package live.devopstoolkit.resourcesync.search.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import live.devopstoolkit.resourcesync.search.inventory.Resource;
import live.devopstoolkit.resourcesync.search.testing.EvalSet;
import live.devopstoolkit.resourcesync.search.testing.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search server over HTTP: sync protocol in, REST search out, durability and bad input. */
class SearchServerIT {

  @TempDir
  Path dir;

  @Test
  void answersTheGuidesQuestionFromSyncedRecordsBestFirstWithScores() {
    try (RunningServer server = new RunningServer(dir.resolve("index"), null)) {
      assertThat(server.sync(EvalSet.inventory(), List.of(), true).status()).isEqualTo(200);

      JsonNode answer = server.search("which databases are we running?", "limit=5").body();
      assertThat(answer.isArray()).isTrue();
      assertThat(answer).hasSize(5);
      assertThat(answer.get(0).path("name").asText()).isIn("payments-db", "catalog-mysql", "orders-postgres",
          "keycloak-postgresql", "analytics-mongo");
      for (int i = 1; i < answer.size(); i++) {
        assertThat(answer.get(i).path("score").asDouble()).isLessThanOrEqualTo(answer.get(i - 1).path("score").asDouble());
      }
      for (JsonNode hit : answer) {
        assertThat(hit.path("kind").asText()).isNotIn("CustomResourceDefinition", "APIService", "ClusterRole");
      }

      JsonNode production = server.search("list deployments in production namespace", "limit=10").body();
      assertThat(production).isNotEmpty().allSatisfy(hit -> {
        assertThat(hit.path("kind").asText()).isEqualTo("Deployment");
        assertThat(hit.path("namespace").asText()).isEqualTo("production");
      });

      JsonNode filtered = server.search("postgres", "kind=statefulset&namespace=staging").body();
      assertThat(filtered).singleElement().satisfies(hit -> assertThat(hit.path("id").asText())
          .isEqualTo("staging:apps/v1:StatefulSet:orders-postgres"));
    }
  }

  @Test
  void rejectsMissingTokensAndBadQuestionsWithClearErrors() {
    try (RunningServer server = new RunningServer(dir.resolve("index"), null)) {
      server.sync(EvalSet.inventory().subList(0, 20), List.of(), false);
      assertThat(server.post("/api/v1/resources/sync", "{\"upserts\":[]}", null).status()).isEqualTo(401);
      assertThat(server.post("/api/v1/resources/sync", "{\"upserts\":[]}", "wrong").status()).isEqualTo(401);
      assertThat(server.get("/api/v1/resources/search?q=databases", null).status()).isEqualTo(401);
      assertThat(server.post("/mcp", "{}", null).status()).isEqualTo(401);
      assertThat(server.get("/healthz", null).status()).isEqualTo(200);

      RunningServer.Answer empty = server.search("  ", null);
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.body().path("error").path("message").asText()).contains("empty");
      RunningServer.Answer tooLong = server.search("x".repeat(501), null);
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.body().path("error").path("message").asText()).contains("at most 500");
      RunningServer.Answer unknownKind = server.search("databases", "kind=Databse");
      assertThat(unknownKind.status()).isEqualTo(400);
      assertThat(unknownKind.body().path("error").path("message").asText()).contains("unknown kind \"Databse\"");
      assertThat(server.search("databases", "limit=0").status()).isEqualTo(400);

      RunningServer.Answer invalid = server.post("/api/v1/resources/sync",
          "{\"upserts\":[{\"namespace\":\"a\",\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\"}]}", RunningServer.TOKEN);
      assertThat(invalid.status()).isEqualTo(400);
      assertThat(invalid.body().path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
      assertThat(server.post("/api/v1/resources/sync", "not json", RunningServer.TOKEN).body().path("error")
          .path("code").asText()).isEqualTo("INVALID_REQUEST");
    }
  }

  @Test
  void embedsOnlyChangedRecordsReconcilesResyncsAndSurvivesRestart() {
    List<Resource> inventory = EvalSet.inventory();
    try (RunningServer server = new RunningServer(dir.resolve("index"), null)) {
      long warm = server.server().embedder().embeddedCount();
      server.sync(inventory, List.of(), true);
      assertThat(server.server().embedder().embeddedCount() - warm).isEqualTo(inventory.size());

      long before = server.server().embedder().embeddedCount();
      server.sync(inventory, List.of(), true);
      // (questions are embedded too, so counts are read right around each sync)
      assertThat(server.server().embedder().embeddedCount()).as("an identical resync embeds nothing").isEqualTo(before);

      Resource storefront = find(inventory, "shop:apps/v1:Deployment:storefront");
      Resource touched = new Resource(storefront.namespace(), storefront.name(), storefront.kind(),
          storefront.apiVersion(), storefront.labels(), storefront.annotations(), storefront.createdAt(),
          "2026-11-27T00:00:00Z");
      server.sync(List.of(touched), List.of(), false);
      assertThat(server.server().embedder().embeddedCount()).as("a new updatedAt alone reuses the vector")
          .isEqualTo(before);
      Resource relabelled = new Resource(storefront.namespace(), storefront.name(), storefront.kind(),
          storefront.apiVersion(), Map.of("app", "storefront", "tier", "web", "team", "checkout-squad"),
          Map.of("description", "The web shop customers see"), storefront.createdAt(), "2026-11-27T00:01:00Z");
      assertThat(server.sync(List.of(relabelled), List.of(), false).body().path("data").path("upserted").asInt())
          .isEqualTo(1);
      assertThat(server.server().embedder().embeddedCount()).isEqualTo(before + 1);
      assertThat(server.search("web shop customers see", "limit=1").body().get(0).path("id").asText())
          .isEqualTo(storefront.id());

      Resource cart = find(inventory, "shop:apps/v1:Deployment:cart");
      JsonNode deleted = server.sync(List.of(), List.of(cart), false).body();
      assertThat(deleted.path("data").path("deleted").asInt()).isEqualTo(1);
      assertThat(ids(server.search("cart", "limit=50").body())).doesNotContain(cart.id());

      List<Resource> shrunk = new ArrayList<>(inventory.subList(0, inventory.size() - 10));
      shrunk.removeIf(r -> r.id().equals(cart.id()) || r.id().equals(storefront.id()));
      shrunk.add(relabelled);
      JsonNode resync = server.sync(shrunk, List.of(), true).body();
      assertThat(resync.path("data").path("deleted").asInt()).isEqualTo(10);
      assertThat(server.server().index().size()).isEqualTo(shrunk.size());
      assertThat(server.server().index().find(live.devopstoolkit.resourcesync.search.index.Filters.NONE, 500)
          .stream().map(Resource::id).toList()).containsExactlyInAnyOrderElementsOf(shrunk.stream().map(Resource::id)
          .toList());

      assertThat(server.sync(List.of(), List.of(), true).body().path("data").path("deleted").asInt())
          .as("an empty resync changes nothing, as the existing receiver does").isZero();
    }
    try (RunningServer restarted = new RunningServer(dir.resolve("index"), null)) {
      assertThat(restarted.server().index().size()).isEqualTo(inventory.size() - 11);
      assertThat(restarted.search("web shop customers see", "limit=1").body().get(0).path("name").asText())
          .isEqualTo("storefront");
      long warm = restarted.server().embedder().embeddedCount();
      restarted.sync(restarted.server().index().find(live.devopstoolkit.resourcesync.search.index.Filters.NONE, 500),
          List.of(), true);
      assertThat(restarted.server().embedder().embeddedCount()).as("nothing embedded again after a restart")
          .isEqualTo(warm);
    }
  }

  /**
   * The controller's first full resync of a large cluster holds more records than the model embeds
   * within its 60 s response timeout. Above a threshold (here 20 new texts, so that the judged
   * inventory crosses it) the server answers once the records are committed, and embeds behind.
   */
  @Test
  void aLargeResyncIsAnsweredOnceHeldAndFoundByMeaningAsItIsEmbeddedBehind() {
    List<Resource> inventory = EvalSet.inventory();
    try (RunningServer server = new RunningServer(dir.resolve("index"), null, 20)) {
      long warm = server.server().embedder().embeddedCount();
      RunningServer.Answer answer = server.sync(inventory, List.of(), true);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body().path("success").asBoolean()).isTrue();
      assertThat(answer.body().path("data").path("upserted").asInt()).isEqualTo(inventory.size());

      // Held as soon as answered: exact counts and words do not wait for the model.
      int held = 0;
      for (JsonNode count : server.get("/api/v1/resources/kinds", RunningServer.TOKEN).body()) {
        held += count.asInt();
      }
      assertThat(held).isEqualTo(inventory.size());
      assertThat(ids(server.search("storefront", "limit=5&mode=keyword").body()))
          .contains("shop:apps/v1:Deployment:storefront");

      await().atMost(Duration.ofMinutes(5)).until(() -> server.get("/healthz", null).body()
          .path("embeddingPending").asInt() == 0);
      assertThat(server.server().embedder().embeddedCount() - warm).isEqualTo(inventory.size());
      assertThat(server.search("which databases are we running?", "limit=5&mode=vector").body()).hasSize(5);
      assertThat(server.search("which databases are we running?", "limit=1").body().get(0).path("name").asText())
          .isIn("payments-db", "catalog-mysql", "orders-postgres", "keycloak-postgresql", "analytics-mongo");

      long before = server.server().embedder().embeddedCount();
      assertThat(server.sync(inventory, List.of(), true).status()).isEqualTo(200);
      assertThat(server.server().embedder().embeddedCount()).as("the same resync again embeds nothing")
          .isEqualTo(before);
    }
  }

  @Test
  void aBurstOfSyncsWhileQueriesRunLosesNothing() throws Exception {
    try (RunningServer server = new RunningServer(dir.resolve("index"), null)) {
      server.sync(EvalSet.inventory(), List.of(), true);
      AtomicBoolean syncing = new AtomicBoolean(true);
      AtomicInteger queries = new AtomicInteger();
      AtomicInteger failedQueries = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<?>> readers = new ArrayList<>();
      for (int q = 0; q < 2; q++) {
        readers.add(pool.submit(() -> {
          while (syncing.get()) {
            RunningServer.Answer a = server.search("which databases are we running?", "limit=5");
            queries.incrementAndGet();
            if (a.status() != 200 || a.body().size() != 5) {
              failedQueries.incrementAndGet();
            }
          }
        }));
      }
      List<Future<RunningServer.Answer>> writers = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (int batch = 0; batch < 40; batch++) {
        List<Resource> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          Resource r = new Resource("burst", "config-" + batch + "-" + i, "ConfigMap", "v1",
              Map.of("app", "burst-" + batch), null, "2026-11-27T00:00:00Z", "2026-11-27T00:00:00Z");
          records.add(r);
          expected.add(r.id());
        }
        writers.add(pool.submit(() -> server.sync(records, List.of(), false)));
      }
      for (Future<RunningServer.Answer> w : writers) {
        assertThat(w.get(300, TimeUnit.SECONDS).status()).isEqualTo(200);
      }
      syncing.set(false);
      for (Future<?> r : readers) {
        r.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(queries.get()).isPositive();
      assertThat(failedQueries.get()).isZero();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(server.server().index()
          .find(new live.devopstoolkit.resourcesync.search.index.Filters(null, "burst", null, null), 1000)
          .stream().map(Resource::id).toList()).containsExactlyInAnyOrderElementsOf(expected));
    }
  }

  private static Resource find(List<Resource> records, String id) {
    return records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> ids(JsonNode hits) {
    List<String> ids = new ArrayList<>();
    hits.forEach(h -> ids.add(h.path("id").asText()));
    return ids;
  }
}
