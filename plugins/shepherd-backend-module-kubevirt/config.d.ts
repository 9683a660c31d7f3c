import { HumanDuration } from '@backstage/types';

export interface Config {
  shepherd?: {
    providers?: {
      /** Settings of the KubeVirt VM provider (`@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt`). */
      kubevirt?: {
        /**
         * How long one request to a cluster's API server may take before it counts as failed,
         * e.g. `10s` or `{ seconds: 10 }`. Default 10 seconds.
         */
        requestTimeout?: HumanDuration | string;
        /**
         * How many requests run against one cluster at the same time; further requests wait.
         * Default 8.
         */
        maxConcurrentRequestsPerCluster?: number;
        /** When a failing cluster stops getting requests for a while. */
        circuitBreaker?: {
          /**
           * Consecutive failures (timeouts, unreachable, 5xx or 429 answers) that open the
           * circuit. Default 5.
           */
          failureThreshold?: number;
          /**
           * How long an open circuit fails calls at once before it lets one trial call
           * through, e.g. `60s`. Default 60 seconds.
           */
          openDuration?: HumanDuration | string;
        };
        /** How VM watches come back after a dropped connection or a refusal. */
        watch?: {
          /**
           * The wait after the first consecutive failure, doubled after each further one
           * (with jitter), e.g. `500ms`. Default 500 ms; at most 5 minutes.
           */
          retryInitialDelay?: HumanDuration | string;
          /** The longest wait between two tries, e.g. `30s`. Default 30 seconds; at most 5 minutes. */
          retryMaxDelay?: HumanDuration | string;
        };
        /**
         * How much of an API server's answer Shepherd reads. An answer beyond its limit is cut
         * off while it arrives and fails the call with a permanent cluster error; a watch event
         * beyond the object limit ends that watch, which lists again and goes on.
         */
        responseLimits?: {
          /**
           * Bytes of an answer that carries one object (a get, the answer to a write, one
           * watch event). Default 4194304 (4 MiB: etcd stores at most 1.5 MiB per object);
           * at most 67108864 (64 MiB).
           */
          objectBytes?: number;
          /**
           * Bytes of one page of a list (500 objects). Default 67108864 (64 MiB); at least
           * `objectBytes`, at most 1073741824 (1 GiB).
           */
          listBytes?: number;
        };
      };
    };
  };
}
