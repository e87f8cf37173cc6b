package live.devopstoolkit.resourcesync.debounce;

import java.util.Objects;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.aggregate.AggregateProcessor;

/**
 * The open debounce windows are the aggregator's groups and nowhere else; this closes them early,
 * for a flush before the process exits. Closing sends each window on as its timeout would, so the
 * changes take the same path as any other, on the aggregator's own thread.
 */
public final class DebounceWindows {

  /** The id of the aggregate step in {@code routes/sync-pipeline.yaml} (prefixed per pipeline). */
  public static final String NODE_ID = "debounce";

  private DebounceWindows() {
  }

  /** Closes every open window of every pipeline; their changes reach the pipelines shortly after. */
  public static int closeAll(CamelContext camel) {
    return windows(camel).mapToInt(AggregateProcessor::forceCompletionOfAllGroups).sum();
  }

  /** Windows closed whose changes have not reached their pipeline yet. */
  public static int handingOn(CamelContext camel) {
    return windows(camel).mapToInt(AggregateProcessor::getInProgressCompleteExchanges).sum();
  }

  /** Objects changed in a pipeline's open window, read from the aggregator, for the pending gauge. */
  public static int waiting(CamelContext camel, String pipeline) {
    return windows(camel)
        .map(aggregator -> aggregator.getAggregationRepository().get(camel, pipeline))
        .filter(Objects::nonNull)
        .mapToInt(group -> group.getMessage().getBody(ChangedRefs.class).size())
        .sum();
  }

  private static Stream<AggregateProcessor> windows(CamelContext camel) {
    return camel.getRoutes().stream()
        .flatMap(route -> route.filter("*").stream())
        .filter(AggregateProcessor.class::isInstance)
        .map(AggregateProcessor.class::cast)
        .filter(aggregator -> aggregator.getId().endsWith(NODE_ID));
  }
}
