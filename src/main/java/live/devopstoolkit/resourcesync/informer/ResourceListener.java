package live.devopstoolkit.resourcesync.informer;

import live.devopstoolkit.resourcesync.changes.ResourceChange;

/** Receives the changes of every watched type; called on the informer's own event thread. */
@FunctionalInterface
public interface ResourceListener {

  void onChange(ResourceChange change);
}
