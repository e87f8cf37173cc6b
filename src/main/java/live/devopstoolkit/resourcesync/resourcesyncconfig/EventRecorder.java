package live.devopstoolkit.resourcesync.resourcesyncconfig;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import live.devopstoolkit.resourcesync.delivery.SyncTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Posts Kubernetes Events about a ResourceSyncConfig, so {@code kubectl describe} tells its story. */
public class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "resource-sync-controller";

  private final KubernetesClient client;
  private final Clock clock;

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(SyncTarget target, String reason, String message) {
    record(target, "Normal", reason, message);
  }

  public void warning(SyncTarget target, String reason, String message) {
    record(target, "Warning", reason, message);
  }

  private void record(SyncTarget target, String type, String reason, String message) {
    String now = clock.instant().toString();
    try {
      client.v1().events().inNamespace(target.namespace()).resource(new EventBuilder()
          .withNewMetadata().withGenerateName(target.name() + ".").withNamespace(target.namespace()).endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder()
              .withApiVersion(ResourceSyncConfig.GROUP + "/" + ResourceSyncConfig.VERSION)
              .withKind("ResourceSyncConfig")
              .withNamespace(target.namespace())
              .withName(target.name())
              .withUid(target.uid())
              .build())
          .withType(type)
          .withReason(reason)
          .withMessage(message)
          .withFirstTimestamp(now)
          .withLastTimestamp(now)
          .withCount(1)
          .withNewSource().withComponent(COMPONENT).endSource()
          .withReportingComponent(COMPONENT)
          .build()).create();
    } catch (KubernetesClientException e) {
      LOG.warn("event=event-not-recorded config={} reason={} error=\"{}\"", target, reason, e.getMessage());
    }
  }
}
