package live.devopstoolkit.resourcesync.resourcesyncconfig;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A key of a Secret in the ResourceSyncConfig's own namespace (the guide's SecretReference). */
public class SecretReference {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Secret name")
  private String name;

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Key within the secret containing the token")
  private String key;

  public SecretReference() {
  }

  public SecretReference(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
