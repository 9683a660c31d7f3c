/*
 * One simulated KubeVirt cluster for `bench/vmWatch.ts`, in a process of its own so that the
 * benchmark's CPU figures are Shepherd's alone. It starts the simulator, creates the VMs it is
 * asked for through its own API (as kubectl would), and reports over IPC.
 *
 * Messages in:  { type: 'seed', namespace, prefix, count }
 * Messages out: { type: 'ready', kubeconfig, url }, { type: 'seeded', count, ms }
 */
import { start } from '@kubevirt-shepherd/kubevirt-sim';
import {
  SHEPHERD_MANAGER,
  SHEPHERD_PLATFORM_LABELS,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Agent, request as httpsRequest } from 'node:https';

const SEED_CONCURRENCY = 16;

function send(message: unknown) {
  if (process.connected) process.send?.(message);
}

async function main() {
  const name = process.env.BENCH_SIM_NAME ?? 'bench';
  // Bookmarks about once a minute, as an API server sends them (instant timings default to
  // ten a second, for tests).
  const sim = await start({
    name,
    timing: 'instant',
    vnc: false,
    watch: { bookmarkIntervalMs: 60_000 },
  });
  // One TLS handshake per connection, not per VM: seeding is bound by the simulator then.
  const agent = new Agent({
    keepAlive: true,
    maxSockets: SEED_CONCURRENCY,
    ca: sim.caCertPem,
  });

  const post = (path: string, body: unknown) =>
    new Promise<void>((resolve, reject) => {
      const req = httpsRequest(`${sim.url}${path}`, {
        method: 'POST',
        agent,
        headers: {
          Authorization: `Bearer ${sim.token}`,
          'Content-Type': 'application/json',
        },
      });
      req.on('response', res => {
        res.resume();
        res.on('end', () =>
          (res.statusCode ?? 500) < 300
            ? resolve()
            : reject(new Error(`POST ${path}: HTTP ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });

  const virtualMachine = (namespace: string, vmName: string) => ({
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name: vmName,
      namespace,
      // Shepherd's, as VMs it created before ownership labels existed: matched by name.
      labels: { [SHEPHERD_PLATFORM_LABELS.managedBy]: SHEPHERD_MANAGER },
    },
    spec: {
      runStrategy: 'Always',
      template: {
        metadata: { labels: { 'kubevirt.io/domain': vmName } },
        spec: {
          domain: {
            cpu: { cores: 1 },
            memory: { guest: '1Gi' },
            devices: { disks: [{ name: 'rootfs', disk: { bus: 'virtio' } }] },
          },
          volumes: [
            {
              name: 'rootfs',
              containerDisk: { image: 'quay.io/containerdisks/fedora:40' },
            },
          ],
        },
      },
    },
  });

  process.on('message', async (message: any) => {
    if (message?.type !== 'seed') return;
    const begin = Date.now();
    const { namespace, prefix, count } = message;
    await post('/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: namespace },
    });
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        await post(
          `/apis/kubevirt.io/v1/namespaces/${namespace}/virtualmachines`,
          virtualMachine(namespace, `${prefix}-${index}`),
        );
      }
    };
    await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
    send({ type: 'seeded', count, ms: Date.now() - begin });
  });
  process.on('disconnect', () => {
    agent.destroy();
    sim.close().finally(() => process.exit(0));
  });
  send({ type: 'ready', kubeconfig: sim.kubeconfig, url: sim.url });
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
