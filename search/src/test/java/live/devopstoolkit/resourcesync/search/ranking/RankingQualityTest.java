package live.devopstoolkit.resourcesync.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.search.embedding.MiniLmEmbedder;
import live.devopstoolkit.resourcesync.search.index.LuceneInventoryIndex;
import live.devopstoolkit.resourcesync.search.index.Mode;
import live.devopstoolkit.resourcesync.search.inventory.SyncBatch;
import live.devopstoolkit.resourcesync.search.testing.EvalSet;
import live.devopstoolkit.resourcesync.search.testing.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores the judged questions against the judged inventory with each ranking, prints recall@5,
 * recall@10 and MRR (bench/RESULTS.md records them), and holds hybrid to the targets.
 */
class RankingQualityTest {

  @TempDir
  static Path dir;
  static MiniLmEmbedder embedder;
  static LuceneInventoryIndex index;
  static ResourceSearch search;

  @BeforeAll
  static void index() {
    embedder = new MiniLmEmbedder();
    index = new LuceneInventoryIndex(dir.resolve("index"), embedder);
    index.apply(new SyncBatch(EvalSet.inventory(), List.of(), true));
    search = new ResourceSearch(index);
  }

  @AfterAll
  static void close() {
    index.close();
    embedder.close();
  }

  @Test
  void hybridMeetsTheTargetsAndBeatsEitherRankingAlone() throws Exception {
    List<EvalSet.Question> questions = EvalSet.questions();
    Map<Mode, double[]> totals = new EnumMap<>(Mode.class);
    StringBuilder report = new StringBuilder();
    for (Mode mode : Mode.values()) {
      double[] sum = new double[3];
      for (EvalSet.Question q : questions) {
        List<String> ranked = search.search(q.text(), null, null, null, 10, mode).stream()
            .map(h -> h.resource().id()).toList();
        double r5 = Metrics.recall(ranked, q.relevant(), 5);
        double r10 = Metrics.recall(ranked, q.relevant(), 10);
        double rr = Metrics.reciprocalRank(ranked, q.relevant());
        sum[0] += r5;
        sum[1] += r10;
        sum[2] += rr;
        if (mode == Mode.HYBRID) {
          report.append(String.format("  %-45s r@5=%.2f r@10=%.2f rr=%.2f top3=%s%n", q.text(), r5, r10, rr,
              ranked.stream().limit(3).toList()));
        }
      }
      for (int i = 0; i < 3; i++) {
        sum[i] /= questions.size();
      }
      totals.put(mode, sum);
    }
    StringBuilder table = new StringBuilder(String.format("ranking quality: %d questions, %d records%n",
        questions.size(), index.size()));
    table.append("| ranking | recall@5 | recall@10 | MRR |\n|---|---|---|---|\n");
    totals.forEach((mode, m) -> table.append(String.format("| %s | %.3f | %.3f | %.3f |%n",
        mode.name().toLowerCase(), m[0], m[1], m[2])));
    String text = table + report.toString();
    System.out.println(text);
    Files.writeString(Path.of("target/ranking-quality.txt"), text);

    double[] hybrid = totals.get(Mode.HYBRID);
    assertThat(hybrid[0]).as("hybrid recall@5").isGreaterThanOrEqualTo(0.85);
    assertThat(hybrid[2]).as("hybrid MRR").isGreaterThanOrEqualTo(0.85);
    assertThat(hybrid[0]).as("hybrid recall@5 vs keyword").isGreaterThanOrEqualTo(totals.get(Mode.KEYWORD)[0]);
    assertThat(hybrid[0]).as("hybrid recall@5 vs vector").isGreaterThanOrEqualTo(totals.get(Mode.VECTOR)[0]);
  }
}
