package live.devopstoolkit.resourcesync.search.index;

/** Which rankings a search uses; KEYWORD and VECTOR exist to measure what HYBRID gains. */
public enum Mode {
  KEYWORD, VECTOR, HYBRID
}
