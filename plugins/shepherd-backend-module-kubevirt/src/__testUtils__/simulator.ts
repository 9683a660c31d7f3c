import { mockServices } from '@backstage/backend-test-utils';
import {
  KubevirtSimulator,
  SimulatorOptions,
  start,
} from '@kubevirt-shepherd/kubevirt-sim';
import { ShepherdClusterConnection } from '@kubevirt-shepherd/plugin-shepherd-node';
import { KubeVirtVmProvider } from '../KubeVirtVmProvider';
import { KubeVirtProviderOptions } from '../options';
import { Clock } from '../resilience/clock';

/** A clock the test moves: the circuit breaker's "60 s later" without waiting. */
export class ManualClock implements Clock {
  private time = Date.parse('2026-11-01T00:00:00Z');

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}

/** The simulated KubeVirt cluster over HTTPS; instant controller transitions by default. */
export function startSimulator(
  options: SimulatorOptions = {},
): Promise<KubevirtSimulator> {
  return start({ timing: 'instant', ...options });
}

let clusterCounter = 0;

/** A cluster connection with its own id, so each test gets a fresh breaker and limiter. */
export function connectionTo(
  sim: KubevirtSimulator,
  kubeconfig: string = sim.kubeconfig,
): ShepherdClusterConnection {
  clusterCounter += 1;
  return { id: `cluster-${clusterCounter}`, name: sim.name, kubeconfig };
}

export function createProvider(
  options: Partial<KubeVirtProviderOptions> = {},
  clock: Clock = new ManualClock(),
): KubeVirtVmProvider {
  return KubeVirtVmProvider.create({
    logger: mockServices.logger.mock(),
    options,
    clock,
  });
}
