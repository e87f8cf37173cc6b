package live.devopstoolkit.resourcesync.search.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Stopping the server while it embeds: the native model must outlive every call in flight. */
class MiniLmEmbedderTest {

  @Test
  void closingWaitsForTheEmbeddingInFlightAndRefusesLaterOnes() throws Exception {
    MiniLmEmbedder embedder = new MiniLmEmbedder();
    List<String> texts = IntStream.range(0, 300)
        .mapToObj(i -> "Deployment payments-api-" + i + " in namespace shop-" + (i % 7) + " app payments")
        .toList();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<List<float[]>> inFlight = caller.submit(() -> embedder.embed(texts));
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(embedder::embedding);

      embedder.close();

      assertThat(inFlight.isDone()).isTrue();
      assertThat(inFlight.get()).hasSize(texts.size()).allSatisfy(vector -> assertThat(vector).hasSize(384));
      assertThatThrownBy(() -> embedder.embed(List.of("after close")))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    } finally {
      caller.shutdownNow();
      assertThat(caller.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
  }
}
