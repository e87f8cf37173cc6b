package live.devopstoolkit.resourcesync.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReceiverStoreTest {

  final ReceiverStore store = new ReceiverStore("token", new KeywordSearch());

  @Test
  void upsertsThenDeletes() {
    assertThat(sync("""
        {"upserts":[%s,%s]}""".formatted(record("a", "app", "shop"), record("b", "app", "shop"))).status())
        .isEqualTo(200);
    ReceiverStore.Reply reply = sync("""
        {"deletes":[{"namespace":"ns","name":"a","kind":"ConfigMap","apiVersion":"v1"}]}""");
    assertThat(reply.body().path("data").path("deleted").asInt()).isOne();
    assertThat(store.records()).containsOnlyKeys("ns:v1:ConfigMap:b");
  }

  @Test
  void aResyncDeletesWhatItDoesNotListButAnEmptyOneDoesNothing() {
    sync("{\"upserts\":[%s,%s]}".formatted(record("a", "app", "shop"), record("b", "app", "shop")));
    sync("{\"isResync\":true,\"upserts\":[]}");
    assertThat(store.records()).hasSize(2);
    sync("{\"isResync\":true,\"upserts\":[%s]}".formatted(record("b", "app", "shop")));
    assertThat(store.records()).containsOnlyKeys("ns:v1:ConfigMap:b");
  }

  @Test
  void errorsAreTheExistingReceiversCodes() {
    assertThat(store.sync("Bearer wrong", "{}".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(401);
    ReceiverStore.Reply invalid = sync("{\"upserts\":[{\"name\":\"x\"}]}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body().path("error").path("code").asText()).isEqualTo("VALIDATION_ERROR");
    assertThat(sync("not json").body().path("error").path("code").asText()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void rejectedRecordsAreReportedAndTheRestApplied() {
    store.rejects("ns:v1:ConfigMap:bad"::equals);
    ReceiverStore.Reply reply = sync("{\"upserts\":[%s,%s]}".formatted(record("bad", "app", "x"),
        record("good", "app", "x")));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("error").path("code").asText()).isEqualTo("SYNC_PARTIAL_FAILURE");
    assertThat(reply.body().path("error").path("details").path("failures").get(0).path("id").asText())
        .isEqualTo("ns:v1:ConfigMap:bad");
    assertThat(store.records()).containsOnlyKeys("ns:v1:ConfigMap:good");
  }

  @Test
  void searchMatchesWordsOfLabelsAndDescriptionsAndIgnoresQuestionWords() {
    sync("{\"upserts\":[%s,%s,%s]}".formatted(record("orders", "tier", "database"),
        record("viewer", "app", "dashboard"), record("cache", "app", "redis")));
    assertThat(store.search("which databases are we running?", 10)).extracting(r -> r.path("name").asText())
        .containsExactly("orders");
    assertThat(store.search("which are we", 10)).isEmpty();
    assertThat(store.list("configmap", "ns", "app=redis")).extracting(r -> r.path("name").asText())
        .containsExactly("cache");
    assertThat(store.countsByKind()).containsEntry("ConfigMap", 3);
  }

  ReceiverStore.Reply sync(String body) {
    return store.sync("Bearer token", body.getBytes(StandardCharsets.UTF_8));
  }

  static String record(String name, String label, String value) {
    return """
        {"namespace":"ns","name":"%s","kind":"ConfigMap","apiVersion":"v1","labels":{"%s":"%s"},
         "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}""".formatted(name, label, value);
  }

}
