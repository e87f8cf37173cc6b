package live.devopstoolkit.resourcesync.resourcesyncconfig;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The guide's spec fields. Bounds and defaults are enforced by the API server (from the generated
 * schema), so the controller never sees an out-of-range window; the defaults are repeated in
 * {@link #debounceWindow()} only for objects created before the CRD carried them.
 */
public class ResourceSyncConfigSpec {

  static final int DEFAULT_DEBOUNCE_WINDOW_SECONDS = 10;
  static final int DEFAULT_RESYNC_INTERVAL_MINUTES = 60;

  @Required
  @JsonPropertyDescription("Full URL of the MCP resource sync endpoint")
  @ValidationRule(value = "self.matches('^https?://[^/?# ]+([/?#].*)?$')",
      message = "mcpEndpoint must be an http:// or https:// URL, "
          + "e.g. http://dot-ai.dot-ai.svc.cluster.local:3456/api/v1/resources/sync")
  private String mcpEndpoint;

  @Required
  @JsonPropertyDescription("Secret in this namespace holding the API key for MCP authentication")
  private SecretReference mcpAuthSecretRef;

  @Default("10")
  @Min(1)
  @Max(300)
  @JsonPropertyDescription("Time window in seconds to batch changes before syncing (1-300)")
  private Integer debounceWindowSeconds;

  @Default("60")
  @Min(1)
  @Max(1440)
  @JsonPropertyDescription("Full resync interval in minutes, which catches missed events (1-1440)")
  private Integer resyncIntervalMinutes;

  public String getMcpEndpoint() {
    return mcpEndpoint;
  }

  public void setMcpEndpoint(String mcpEndpoint) {
    this.mcpEndpoint = mcpEndpoint;
  }

  public SecretReference getMcpAuthSecretRef() {
    return mcpAuthSecretRef;
  }

  public void setMcpAuthSecretRef(SecretReference mcpAuthSecretRef) {
    this.mcpAuthSecretRef = mcpAuthSecretRef;
  }

  public Integer getDebounceWindowSeconds() {
    return debounceWindowSeconds;
  }

  public void setDebounceWindowSeconds(Integer debounceWindowSeconds) {
    this.debounceWindowSeconds = debounceWindowSeconds;
  }

  public Integer getResyncIntervalMinutes() {
    return resyncIntervalMinutes;
  }

  public void setResyncIntervalMinutes(Integer resyncIntervalMinutes) {
    this.resyncIntervalMinutes = resyncIntervalMinutes;
  }

  public int debounceWindow() {
    return debounceWindowSeconds == null ? DEFAULT_DEBOUNCE_WINDOW_SECONDS : debounceWindowSeconds;
  }

  public int resyncInterval() {
    return resyncIntervalMinutes == null ? DEFAULT_RESYNC_INTERVAL_MINUTES : resyncIntervalMinutes;
  }
}
