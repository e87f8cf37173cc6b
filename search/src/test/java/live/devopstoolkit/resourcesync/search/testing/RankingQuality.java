package live.devopstoolkit.resourcesync.search.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import live.devopstoolkit.resourcesync.search.embedding.MiniLmEmbedder;
import live.devopstoolkit.resourcesync.search.index.LuceneInventoryIndex;
import live.devopstoolkit.resourcesync.search.index.Mode;
import live.devopstoolkit.resourcesync.search.inventory.SyncBatch;
import live.devopstoolkit.resourcesync.search.ranking.ResourceSearch;

/**
 * Indexes one judged set and scores its questions with each ranking: recall@5, recall@10 and MRR
 * per ranking, and per question (hybrid) its top 10 and what it missed, so a report shows
 * where a ranking fails, not only by how much.
 */
public final class RankingQuality implements AutoCloseable {

  /** Mean recall@5, recall@10 and reciprocal rank of one ranking over the set's questions. */
  public record Scores(double recall5, double recall10, double mrr) {
  }

  private final String set;
  private final MiniLmEmbedder embedder;
  private final LuceneInventoryIndex index;
  private final ResourceSearch search;

  public RankingQuality(String set, Path dir) {
    this.set = set;
    embedder = new MiniLmEmbedder();
    index = new LuceneInventoryIndex(dir.resolve("index"), embedder);
    index.apply(new SyncBatch(EvalSet.inventory(set), List.of(), true));
    search = new ResourceSearch(index);
  }

  /** Scores every ranking, prints the table and the hybrid ranking's questions, and writes them to target/. */
  public Map<Mode, Scores> measure() {
    List<EvalSet.Question> questions = EvalSet.questions(set);
    Map<Mode, Scores> totals = new EnumMap<>(Mode.class);
    StringBuilder perQuestion = new StringBuilder();
    for (Mode mode : Mode.values()) {
      double r5 = 0;
      double r10 = 0;
      double rr = 0;
      for (EvalSet.Question q : questions) {
        List<String> ranked = search.search(q.text(), null, null, null, 10, mode).stream()
            .map(h -> h.resource().id()).toList();
        double qr5 = Metrics.recall(ranked, q.relevant(), 5);
        double qr10 = Metrics.recall(ranked, q.relevant(), 10);
        double qrr = Metrics.reciprocalRank(ranked, q.relevant());
        r5 += qr5;
        r10 += qr10;
        rr += qrr;
        if (mode == Mode.HYBRID) {
          perQuestion.append(String.format("  %-55s r@5=%.2f r@10=%.2f rr=%.2f%n", q.text(), qr5, qr10, qrr));
          for (int i = 0; i < ranked.size(); i++) {
            perQuestion.append(String.format("  %5s %s %s%n", i == 5 ? "(5)" : "",
                q.relevant().contains(ranked.get(i)) ? "+" : "-", ranked.get(i)));
          }
          q.relevant().stream().filter(id -> !ranked.contains(id))
              .forEach(id -> perQuestion.append("      missed in top 10: ").append(id).append('\n'));
        }
      }
      int n = questions.size();
      totals.put(mode, new Scores(r5 / n, r10 / n, rr / n));
    }
    StringBuilder text = new StringBuilder(String.format("ranking quality, set %s: %d questions, %d records%n",
        set, questions.size(), index.size()));
    text.append("| ranking | recall@5 | recall@10 | MRR |\n|---|---|---|---|\n");
    totals.forEach((mode, s) -> text.append(String.format("| %s | %.3f | %.3f | %.3f |%n",
        mode.name().toLowerCase(), s.recall5(), s.recall10(), s.mrr())));
    text.append("hybrid, per question, top 10 (+ relevant, - not):\n").append(perQuestion);
    System.out.println(text);
    try {
      Files.writeString(Path.of("target/ranking-quality-" + set + ".txt"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return totals;
  }

  @Override
  public void close() {
    index.close();
    embedder.close();
  }
}
