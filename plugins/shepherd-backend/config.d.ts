export interface Config {
  /** Settings of the KubeVirt Shepherd backend plugin. */
  shepherd?: {
    /**
     * Entity refs (users or groups) notified when a request waits for approval, e.g.
     * `group:default/approvers`. Who may actually decide is up to the permission policy.
     */
    approvers?: string[];
    /**
     * The id of this Shepherd installation, written as the `kubevirt-shepherd.io/installation`
     * label on every object Shepherd creates; objects labelled with another id are never
     * changed or deleted. A Kubernetes label value (at most 63 letters, digits, `-`, `_`, `.`,
     * starting and ending alphanumeric). When unset, an id is generated once and kept in the
     * database. Changing it makes every existing VM look foreign to Shepherd.
     */
    installationId?: string;
    /**
     * Entity refs (users or groups) alerted about the platform itself, e.g. when the
     * reconciler halts on a cluster, e.g. `group:default/platform-team`. Who may act is up to
     * the permission policy.
     */
    platformAdmins?: string[];
    /** The reconciler: compares the VM records of each cluster with the cluster (docs/reconciler.md). */
    reconciler?: {
      /**
       * The mode of the scheduled runs: `dry-run` reports only, `mark` also marks ghosts and
       * orphans, `off` schedules none (runs on demand still work). Never deletes. Default dry-run.
       */
      mode?: 'off' | 'dry-run' | 'mark';
      /** Minutes between scheduled runs, 5 to 1440. Default 15. */
      intervalMinutes?: number;
      /** VM records younger than this many minutes are not compared, 1 to 1440. Default 10. */
      gracePeriodMinutes?: number;
      /** Days reports are kept, 1 to 365. Default 30. */
      reportRetentionDays?: number;
    };
    /** The job queue that carries operations out on clusters. */
    jobs?: {
      /** Jobs this backend instance runs at once; 0 for an instance that runs none. Default 4. */
      concurrency?: number;
      /** Jobs running at once per cluster, across all instances. Default 10. */
      perClusterConcurrency?: number;
      /** How long a claimed job stays with a worker without a heartbeat. Default 60. */
      leaseSeconds?: number;
      /** How often an idle worker looks for due jobs. Default 5. */
      pollIntervalSeconds?: number;
      /** How often a job looks at a VM on its way to the wanted state (e.g. starting). Default 5. */
      followIntervalSeconds?: number;
      /** How long a VM may take to reach the wanted state before its job fails. Default 30. */
      followTimeoutMinutes?: number;
      /** How long, in all, a job waits for a cluster whose circuit breaker is open before it fails. Default 60, at most 1440. */
      clusterOutageMaxWaitMinutes?: number;
      /** How long finished jobs are kept in the jobs table (their outcome is on tickets and events). Default 7. */
      retentionDays?: number;
    };
    /** How Shepherd keeps the state of VMs in step with their clusters (ADR 0016). */
    vmState?: {
      /** Live watches of every VM of every enabled cluster whose provider can watch (KubeVirt). */
      watch?: {
        /** Whether watches run; without them every VM is polled. Default true. */
        enabled?: boolean;
        /** How often each watch lists all VMs again as a safety net. 1–1440, default 15. */
        resyncIntervalMinutes?: number;
        /**
         * How long a backend replica's claim on watching a cluster lasts without renewal; it
         * renews every third of it, and another replica takes over after it. 5–300, default 30.
         */
        leaseSeconds?: number;
      };
      /** The status poll of VMs that no watch follows. */
      poll?: {
        /** How often a VM that is starting, stopping or migrating is looked at. 5–600, default 15. */
        transitionalIntervalSeconds?: number;
        /** How often a stable VM is looked at. 1–1440, default 30. */
        stableIntervalMinutes?: number;
      };
    };
    /** The VNC console relay. */
    console?: {
      /** Ends a console session in which nothing travelled either way for this long. Default 15. */
      idleTimeoutMinutes?: number;
    };
    /**
     * Per-user rate limits of the mutating requests a user can fire, counted in fixed windows
     * in Shepherd's database, so that all backend replicas share them (ADR 0028). A request
     * over its limit answers 429 RATE_LIMITED with a `Retry-After` header. Users are told apart
     * by their case-folded entity ref; service principals cannot send these requests.
     */
    rateLimits?: {
      /** Whether the limits apply. Default true. */
      enabled?: boolean;
      /** Requests on VMs: new VMs, deletions, resizes and console access requests. */
      vmRequests?: {
        /** Requests per user in each window, 1 to 10000. Default 60. */
        limit?: number;
        /** Length of a window in seconds, 1 to 3600. Default 60. */
        windowSeconds?: number;
      };
      /** Starts, stops and restarts of VMs, joined repeats included. */
      powerActions?: {
        /** Requests per user in each window, 1 to 10000. Default 60. */
        limit?: number;
        /** Length of a window in seconds, 1 to 3600. Default 60. */
        windowSeconds?: number;
      };
      /** Console sessions opened (each opening mints a session token). */
      consoleSessions?: {
        /** Requests per user in each window, 1 to 10000. Default 60. */
        limit?: number;
        /** Length of a window in seconds, 1 to 3600. Default 60. */
        windowSeconds?: number;
      };
    };
    /** How Shepherd protects the cluster credentials it stores. */
    credentials?: {
      /**
       * Keys that encrypt cluster kubeconfigs at rest (AES-256-GCM). The first key is the
       * current key: it encrypts new credentials, and a periodic task re-encrypts every stored
       * credential with it. The keys after it are previous keys, which only decrypt; remove one
       * once `/health` shows `credentials.onPreviousKeys: 0` (docs/operations.md, "Rotating the
       * encryption key"). Without a key, clusters cannot be registered.
       */
      encryptionKeys?: Array<{
        /** Stable id stored next to each ciphertext, e.g. `2026-11`. Letters, digits, `.`, `_`, `-`. */
        id: string;
        /**
         * Base64 of 32 random bytes, e.g. from `openssl rand -base64 32`.
         * @visibility secret
         */
        secret: string;
      }>;
    };
  };
}
