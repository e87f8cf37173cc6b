package live.devopstoolkit.resourcesync.search.index;

import java.util.Set;

/**
 * A question and what its intent decided: exact filters, kinds to lift (named in the question but
 * not filtered on) and kinds to push down (rarely what a question means unless it names them).
 */
public record SearchQuery(String text, Filters filters, Set<String> boostedKinds, Set<String> demotedKinds,
    int limit, Mode mode) {

  public SearchQuery {
    boostedKinds = boostedKinds == null ? Set.of() : Set.copyOf(boostedKinds);
    demotedKinds = demotedKinds == null ? Set.of() : Set.copyOf(demotedKinds);
    filters = filters == null ? Filters.NONE : filters;
  }
}
