package live.devopstoolkit.resourcesync.search.embedding;

import java.util.List;

/** Turns texts into unit-length sentence vectors. One implementation: the local MiniLM model. */
public interface Embedder {

  int dimension();

  List<float[]> embed(List<String> texts);

  default float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }
}
