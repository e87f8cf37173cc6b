package live.devopstoolkit.resourcesync.informer;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * Camel endpoints backed by fabric8 informers. camel-kubernetes' consumers use plain watches, which
 * neither relist after a gap nor keep a cache to read current state from; ours do both.
 */
@Component("informer")
public class InformerComponent extends DefaultComponent {

  @Metadata(autowired = true, description = "The client the informers list and watch with")
  private KubernetesClient kubernetesClient;

  @Metadata(description = "The shared informers of every discovered type")
  private InformerRegistry registry;

  public InformerComponent() {
  }

  public InformerComponent(KubernetesClient kubernetesClient, InformerRegistry registry) {
    this.kubernetesClient = kubernetesClient;
    this.registry = registry;
  }

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
    InformerEndpoint endpoint = new InformerEndpoint(uri, this, remaining);
    setProperties(endpoint, parameters);
    return endpoint;
  }

  public KubernetesClient getKubernetesClient() {
    return kubernetesClient;
  }

  public void setKubernetesClient(KubernetesClient kubernetesClient) {
    this.kubernetesClient = kubernetesClient;
  }

  public InformerRegistry getRegistry() {
    return registry;
  }

  public void setRegistry(InformerRegistry registry) {
    this.registry = registry;
  }
}
