package live.devopstoolkit.resourcesync.search.index;

import live.devopstoolkit.resourcesync.search.inventory.Resource;

/** A ranked record; the score is relative (higher is better) and comparable only within one answer. */
public record Hit(Resource resource, double score) {
}
