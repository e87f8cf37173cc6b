package live.devopstoolkit.resourcesync.delivery;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the token from the referenced Secret at send time: a rotated Secret takes effect with the
 * next request, with no restart and no Secret cache (whose data would sit in memory).
 */
public class BearerTokens {

  private final KubernetesClient client;

  public BearerTokens(KubernetesClient client) {
    this.client = client;
  }

  public String token(SyncTarget target) throws DeliveryFailure.SecretNotFound {
    String secretName = "Secret(" + target.namespace() + "/" + target.secretName() + ")";
    Secret secret;
    try {
      secret = client.secrets().inNamespace(target.namespace()).withName(target.secretName()).get();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        throw new DeliveryFailure.SecretNotFound(secretName + " cannot be read: the controller needs get on "
            + "Secrets in namespace " + target.namespace() + " (a Role like the one in config/deploy/rbac.yaml)");
      }
      throw e;
    }
    if (secret == null) {
      throw new DeliveryFailure.SecretNotFound(secretName + " not found");
    }
    String token = null;
    if (secret.getData() != null && secret.getData().get(target.secretKey()) != null) {
      token = new String(Base64.getDecoder().decode(secret.getData().get(target.secretKey())), StandardCharsets.UTF_8);
    } else if (secret.getStringData() != null) {
      token = secret.getStringData().get(target.secretKey());
    }
    if (token == null || token.isBlank()) {
      throw new DeliveryFailure.SecretNotFound(secretName + " has no non-empty key " + target.secretKey());
    }
    return token.strip();
  }
}
