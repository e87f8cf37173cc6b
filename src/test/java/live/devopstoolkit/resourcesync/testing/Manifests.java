package live.devopstoolkit.resourcesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

/** The in-cluster manifests under config/, built by kubectl kustomize as an operator would. */
public final class Manifests {

  private static final List<String> RBAC_KINDS =
      List.of("ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "ServiceAccount", "Namespace");

  private Manifests() {
  }

  /** The manifests of one kustomization directory, e.g. {@code config} or {@code config/overlays/no-secrets}. */
  public static List<HasMetadata> build(String directory) throws Exception {
    Path kubectl = Path.of(System.getProperty("user.home"), ".kubeapitest", "k8s",
        ControlPlane.KUBE_VERSION + "-linux-amd64", "kubectl");
    Process kustomize = new ProcessBuilder(kubectl.toString(), "kustomize", "--load-restrictor",
        "LoadRestrictionsNone", directory).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] yaml = kustomize.getInputStream().readAllBytes();
    assertThat(kustomize.waitFor()).isZero();
    return ControlPlane.get().client().load(new ByteArrayInputStream(yaml)).items();
  }

  /** Applies the RBAC of the manifests, with the namespace and ServiceAccount it binds. */
  public static void applyRbac(List<HasMetadata> manifests) {
    for (HasMetadata manifest : manifests) {
      if (RBAC_KINDS.contains(manifest.getKind())) {
        ControlPlane.get().client().resource(manifest).serverSideApply();
      }
    }
  }
}
