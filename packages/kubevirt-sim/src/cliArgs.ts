import { parseArgs } from 'node:util';
import { TimingOption } from './controllers/timings';
import { StorageClassOption } from './seed';

export interface ClusterSpec {
  name: string;
  port: number;
}

export interface CliOptions {
  clusters: ClusterSpec[];
  host: string;
  outDir: string;
  /** Where each cluster keeps its objects across restarts (`<stateDir>/<name>/`); none when absent. */
  stateDir?: string;
  kubevirtVersion?: string;
  storageClasses?: StorageClassOption[];
  featureGates?: string[];
  timing: TimingOption;
  token?: string;
  vnc: boolean;
  help: boolean;
}

export const USAGE = `Usage: kubevirt-sim [options]

Starts simulated KubeVirt clusters and writes a kubeconfig for each.

  --cluster NAME[=PORT]    a cluster to start (repeatable); default kubevirt-sim=6443.
                           Clusters without a port take --port, then the next ports.
  --port PORT              first port (default 6443)
  --host HOST              address to listen on (default 127.0.0.1)
  --out-dir DIR            where <name>.kubeconfig files go (default .kubevirt-sim)
  --state-dir DIR          keep each cluster's objects, CA and token in DIR/<name>/ and
                           load them at start (default: nothing kept, new at each start)
  --kubevirt-version V     KubeVirt version the KubeVirt CR reports (default v1.5.0)
  --storage-class SPEC     NAME[:PROVISIONER][:default] (repeatable; replaces the defaults)
  --feature-gate GATE      KubeVirt feature gate (repeatable; replaces the defaults)
  --timing MODE            realistic (default, seconds per phase) or instant
  --token TOKEN            bearer token (default: random per start)
  --no-vnc                 answer VNC requests with 503 instead of starting Xtigervnc
  --help                   this text
`;

function parseStorageClass(spec: string): StorageClassOption {
  const [name, ...rest] = spec.split(':');
  if (!name) throw new Error(`--storage-class needs a name: "${spec}"`);
  const isDefault = rest.includes('default');
  const provisioner = rest.find(p => p !== 'default');
  return {
    name,
    ...(provisioner ? { provisioner } : {}),
    ...(isDefault ? { default: true } : {}),
  };
}

function parsePort(value: string, what: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${what}: "${value}" is not a port`);
  return port;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      cluster: { type: 'string', multiple: true },
      port: { type: 'string' },
      host: { type: 'string' },
      'out-dir': { type: 'string' },
      'state-dir': { type: 'string' },
      'kubevirt-version': { type: 'string' },
      'storage-class': { type: 'string', multiple: true },
      'feature-gate': { type: 'string', multiple: true },
      timing: { type: 'string' },
      token: { type: 'string' },
      'no-vnc': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const firstPort =
    values.port !== undefined ? parsePort(values.port, '--port') : 6443;
  const specs = values.cluster?.length ? values.cluster : ['kubevirt-sim'];
  const taken = new Set<number>();
  const clusters: ClusterSpec[] = specs.map(spec => {
    const [name, port] = spec.split('=');
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name))
      throw new Error(`--cluster: "${name}" is not a valid cluster name`);
    return {
      name,
      port: port !== undefined ? parsePort(port, `--cluster ${name}`) : -1,
    };
  });
  for (const c of clusters) if (c.port >= 0) taken.add(c.port);
  let next = firstPort;
  for (const c of clusters) {
    if (c.port >= 0) continue;
    while (taken.has(next)) next++;
    c.port = next;
    taken.add(next);
  }
  if (new Set(clusters.map(c => c.name)).size !== clusters.length)
    throw new Error('--cluster names must be unique');
  const timing = values.timing ?? 'realistic';
  if (timing !== 'realistic' && timing !== 'instant')
    throw new Error('--timing is realistic or instant');
  return {
    clusters,
    host: values.host ?? '127.0.0.1',
    outDir: values['out-dir'] ?? '.kubevirt-sim',
    stateDir: values['state-dir'],
    kubevirtVersion: values['kubevirt-version'],
    storageClasses: values['storage-class']?.map(parseStorageClass),
    featureGates: values['feature-gate'],
    timing,
    token: values.token,
    vnc: !values['no-vnc'],
    help: values.help ?? false,
  };
}
