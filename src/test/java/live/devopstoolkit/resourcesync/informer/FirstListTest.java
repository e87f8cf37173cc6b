package live.devopstoolkit.resourcesync.informer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstListTest {

  final FirstList firstList = new FirstList();

  @Test
  void beforeTheFirstListCompletesEveryAddIsTheLists() {
    assertThat(firstList.isListed(crd("widgets.example.com", "5"))).isTrue();
  }

  @Test
  void afterItOnlyTheListedVersionsOfListedObjectsAre() {
    firstList.listed(List.of(crd("widgets.example.com", "5")));
    assertThat(firstList.isListed(crd("widgets.example.com", "5"))).isTrue();
    assertThat(firstList.isListed(crd("widgets.example.com", "9"))).as("deleted and created again").isFalse();
    assertThat(firstList.isListed(crd("gadgets.example.com", "7"))).as("created later").isFalse();
  }

  static GenericKubernetesResource crd(String name, String resourceVersion) {
    GenericKubernetesResource crd = new GenericKubernetesResource();
    crd.setMetadata(new ObjectMetaBuilder().withName(name).withResourceVersion(resourceVersion).build());
    return crd;
  }
}
