package live.devopstoolkit.resourcesync.search.testing;

import java.util.List;
import java.util.Set;

/** recall@k (share of a question's relevant records in the top k) and reciprocal rank of the first. */
public final class Metrics {

  private Metrics() {
  }

  public static double recall(List<String> ranked, Set<String> relevant, int k) {
    long found = ranked.stream().limit(k).filter(relevant::contains).count();
    return (double) found / relevant.size();
  }

  public static double reciprocalRank(List<String> ranked, Set<String> relevant) {
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant.contains(ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }
}
