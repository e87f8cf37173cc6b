package live.devopstoolkit.resourcesync.resourcesyncconfig;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the guide's troubleshooting commands read; written by the controller only when it changes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceSyncConfigStatus {

  @JsonPropertyDescription("Whether the watcher is running")
  private Boolean active;

  @JsonPropertyDescription("Number of resource types being watched")
  private Integer watchedResourceTypes;

  @JsonPropertyDescription("Resources whose current state the MCP server has acknowledged")
  private Integer totalResourcesSynced;

  @JsonPropertyDescription("Count of failed sync requests")
  private Long syncErrors;

  @JsonPropertyDescription("Time of last full resync")
  private String lastResyncTime;

  @JsonPropertyDescription("Time of the last successful sync request")
  private String lastSyncTime;

  @JsonPropertyDescription("The most recent sync error")
  private String lastError;

  @JsonPropertyDescription("The generation of the spec the controller acts on")
  private Long observedGeneration;

  @JsonPropertyDescription("Standard Kubernetes conditions; Ready is True when the watcher is active and syncing")
  private List<Condition> conditions = new ArrayList<>();

  public Boolean getActive() {
    return active;
  }

  public void setActive(Boolean active) {
    this.active = active;
  }

  public Integer getWatchedResourceTypes() {
    return watchedResourceTypes;
  }

  public void setWatchedResourceTypes(Integer watchedResourceTypes) {
    this.watchedResourceTypes = watchedResourceTypes;
  }

  public Integer getTotalResourcesSynced() {
    return totalResourcesSynced;
  }

  public void setTotalResourcesSynced(Integer totalResourcesSynced) {
    this.totalResourcesSynced = totalResourcesSynced;
  }

  public Long getSyncErrors() {
    return syncErrors;
  }

  public void setSyncErrors(Long syncErrors) {
    this.syncErrors = syncErrors;
  }

  public String getLastResyncTime() {
    return lastResyncTime;
  }

  public void setLastResyncTime(String lastResyncTime) {
    this.lastResyncTime = lastResyncTime;
  }

  public String getLastSyncTime() {
    return lastSyncTime;
  }

  public void setLastSyncTime(String lastSyncTime) {
    this.lastSyncTime = lastSyncTime;
  }

  public String getLastError() {
    return lastError;
  }

  public void setLastError(String lastError) {
    this.lastError = lastError;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ResourceSyncConfigStatus s)) {
      return false;
    }
    return Objects.equals(active, s.active) && Objects.equals(watchedResourceTypes, s.watchedResourceTypes)
        && Objects.equals(totalResourcesSynced, s.totalResourcesSynced) && Objects.equals(syncErrors, s.syncErrors)
        && Objects.equals(lastResyncTime, s.lastResyncTime) && Objects.equals(lastSyncTime, s.lastSyncTime)
        && Objects.equals(lastError, s.lastError) && Objects.equals(observedGeneration, s.observedGeneration)
        && Objects.equals(conditions, s.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(active, watchedResourceTypes, totalResourcesSynced, syncErrors, lastResyncTime, lastSyncTime,
        lastError, observedGeneration, conditions);
  }
}
