package live.devopstoolkit.resourcesync.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The search server's configuration, from the environment (its one home; documented in
 * search/README.md). The token comes from SEARCH_TOKEN or, mounted from a Secret, SEARCH_TOKEN_FILE.
 *
 * @param kubernetes whether get_resource reads the live API (off when no cluster is reachable)
 * @param embedBehindAbove a sync request with more new texts than this is answered before they are embedded
 */
public record SearchSettings(String host, int port, String token, Path indexDir, Path nativeDir, boolean kubernetes,
    int embedBehindAbove) {

  /** About 5-10 s of the model on two busy cores: well inside the controller's 60 s response timeout. */
  public static final int EMBED_BEHIND_ABOVE = 1000;

  public static SearchSettings fromEnvironment(Map<String, String> env) {
    String token = env.get("SEARCH_TOKEN");
    if ((token == null || token.isBlank()) && env.get("SEARCH_TOKEN_FILE") != null) {
      try {
        token = Files.readString(Path.of(env.get("SEARCH_TOKEN_FILE"))).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read SEARCH_TOKEN_FILE", e);
      }
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("set SEARCH_TOKEN or SEARCH_TOKEN_FILE: every endpoint needs a bearer token");
    }
    return new SearchSettings(env.getOrDefault("SEARCH_HOST", "0.0.0.0"),
        Integer.parseInt(env.getOrDefault("SEARCH_PORT", "3456")), token,
        Path.of(env.getOrDefault("SEARCH_INDEX_DIR", ".local/search-index")),
        Path.of(env.getOrDefault("SEARCH_NATIVE_DIR", System.getProperty("java.io.tmpdir") + "/resource-sync-native")),
        !"false".equalsIgnoreCase(env.getOrDefault("SEARCH_KUBERNETES", "true")),
        Integer.parseInt(env.getOrDefault("SEARCH_EMBED_BEHIND_ABOVE", String.valueOf(EMBED_BEHIND_ABOVE))));
  }
}
