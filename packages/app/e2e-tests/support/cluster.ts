import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { E2E_CLUSTERS_DIR } from './environment';

/*
 * The simulated clusters as a platform team reaches them behind Shepherd's back: stock
 * kubectl with the kubeconfig the simulator wrote for the cluster.
 */

const KUBECTL = process.env.KUBECTL ?? 'kubectl';

/** Runs kubectl against the simulated cluster `cluster`; rejects with its output on failure. */
export function kubectl(cluster: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      KUBECTL,
      [
        '--kubeconfig',
        join(E2E_CLUSTERS_DIR, `${cluster}.kubeconfig`),
        ...args,
      ],
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`kubectl ${args.join(' ')}: ${stderr || error}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/** Stops a VM on its cluster the way KubeVirt users do: `spec.runStrategy: Halted`. */
export async function haltOnCluster(
  cluster: string,
  vm: { name: string; namespace: string },
): Promise<void> {
  await kubectl(
    cluster,
    '--namespace',
    vm.namespace,
    'patch',
    'virtualmachine',
    vm.name,
    '--type',
    'merge',
    '--patch',
    JSON.stringify({ spec: { runStrategy: 'Halted' } }),
  );
}
