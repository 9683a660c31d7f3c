import type {
  InjectedFault,
  KubevirtSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';

/** How a fault campaign troubles the cluster the runs use. */
export interface FaultPlan {
  /** Share of the cluster's requests that fail (0–1): 5xx answers, dropped connections, hangs. */
  rate: number;
  /** A full outage of the cluster (it refuses connections) this long, once, after `outageAfterMs`. */
  outageMs?: number;
  outageAfterMs?: number;
}

/**
 * Injects the plan's faults: of the requests that fail, 60 % answer 503, 30 % lose their
 * connection and 10 % hang until the client gives up; open watches lose their connection
 * at the same rate. Each rule applies only to requests the ones before it let through, so
 * the probabilities are chained to give those shares.
 */
export function injectFaults(
  cluster: KubevirtSimulator,
  rate: number,
): InjectedFault[] {
  if (rate <= 0) return [];
  const errorShare = 0.6 * rate;
  const dropShare = (0.3 * rate) / (1 - errorShare);
  const hangShare = (0.1 * rate) / ((1 - errorShare) * (1 - dropShare));
  return [
    cluster.faults.inject({
      kind: 'error',
      status: 503,
      watch: false,
      probability: errorShare,
    }),
    cluster.faults.inject({
      kind: 'drop',
      watch: false,
      probability: dropShare,
    }),
    cluster.faults.inject({
      kind: 'hang',
      watch: false,
      probability: hangShare,
    }),
    cluster.faults.inject({ kind: 'drop', watch: true, probability: rate }),
  ];
}
