package live.devopstoolkit.resourcesync.status;

/** The reasons the Ready condition can carry; only {@link #Synced} goes with status True. */
public enum ReadyReason {
  /** Watching every discovered type and the last delivery succeeded. */
  Synced,
  /** Informers are still listing, or the first full resync has not been acknowledged yet. */
  WaitingForCaches,
  /** The Secret named by mcpAuthSecretRef, or its key, does not exist. */
  SecretNotFound,
  /** The MCP endpoint could not be reached or timed out. */
  EndpointUnreachable,
  /** The MCP endpoint answered with an error or with something that is not the sync protocol. */
  SyncFailing,
  /**
   * Some discovered types cannot be listed or watched (RBAC, a broken conversion webhook): the MCP
   * server keeps their records, and a type that never listed holds the full resync back.
   */
  TypesNotWatched,
  /** The Discovery API could not be read, so no resource types are known. */
  DiscoveryFailed,
  /** The config's pipeline routes are stopped: the controller is shutting down, or they were stopped by hand. */
  Stopped,
  /** The controller failed to start the config's sync; it retries with a growing delay. */
  ReconcileFailed,
  /** The controller does not honour ResourceSyncConfigs in this namespace. */
  NamespaceNotAllowed,
  /** The mcpEndpoint does not match the endpoints the controller may send to. */
  EndpointNotAllowed
}
