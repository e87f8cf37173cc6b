package live.devopstoolkit.resourcesync.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.Optional;

/** Builds the Ready condition, keeping lastTransitionTime unless its status actually flips. */
public final class ReadyCondition {

  public static final String TYPE = "Ready";

  private ReadyCondition() {
  }

  public static Condition of(ReadyReason reason, String message, long generation, List<Condition> previous,
      String now) {
    String status = reason == ReadyReason.Synced ? "True" : "False";
    String transition = find(previous)
        .filter(c -> status.equals(c.getStatus()) && c.getLastTransitionTime() != null)
        .map(Condition::getLastTransitionTime)
        .orElse(now);
    return new ConditionBuilder()
        .withType(TYPE)
        .withStatus(status)
        .withReason(reason.name())
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(transition)
        .build();
  }

  public static Optional<Condition> find(List<Condition> conditions) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> TYPE.equals(c.getType())).findFirst();
  }
}
