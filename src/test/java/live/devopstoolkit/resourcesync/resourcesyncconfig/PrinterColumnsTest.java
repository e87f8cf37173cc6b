package live.devopstoolkit.resourcesync.resourcesyncconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The README names the columns of {@code kubectl get resourcesyncconfig}; the generated CRD decides them. */
class PrinterColumnsTest {

  @Test
  void theReadmeListsThePrinterColumnsOfTheGeneratedCrdInOrder() throws Exception {
    CustomResourceDefinition crd = new KubernetesSerialization().unmarshal(
        Files.readString(Path.of("config/crd/resourcesyncconfigs.dot-ai.devopstoolkit.live-v1.yml")),
        CustomResourceDefinition.class);
    List<String> columns = crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
        .map(CustomResourceColumnDefinition::getName).map(n -> n.toUpperCase(Locale.ROOT)).toList();
    String documented = Files.readString(Path.of("README.md")).lines()
        .filter(l -> l.startsWith("kubectl get resourcesyncconfig ") && l.contains("#")).findFirst().orElseThrow();
    assertThat(List.of(documented.substring(documented.indexOf('#') + 1).trim().split(",\\s*")))
        .containsExactlyElementsOf(columns);
  }
}
