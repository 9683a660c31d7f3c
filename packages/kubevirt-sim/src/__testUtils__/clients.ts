import * as k8s from '@kubernetes/client-node';
import { request as httpsRequest } from 'node:https';
import { KubevirtSimulator } from '../simulator';
import { KubeObject } from '../types';

export const KUBEVIRT = { group: 'kubevirt.io', version: 'v1' } as const;
export const CDI = { group: 'cdi.kubevirt.io', version: 'v1beta1' } as const;
export const FIELD_MANAGER = 'kubevirt-shepherd';

/** The clients the product's provider uses, configured from the simulator's kubeconfig. */
export function clientsFor(sim: KubevirtSimulator) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(sim.kubeconfig);
  return {
    kc,
    core: kc.makeApiClient(k8s.CoreV1Api),
    storage: kc.makeApiClient(k8s.StorageV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
  };
}

/** Per-call option that makes a client-node PATCH a server-side apply. */
export const serverSideApply = k8s.setHeaderOptions(
  'Content-Type',
  k8s.PatchStrategy.ServerSideApply,
);
export const mergePatch = k8s.setHeaderOptions(
  'Content-Type',
  k8s.PatchStrategy.MergePatch,
);
export const jsonPatch = k8s.setHeaderOptions(
  'Content-Type',
  k8s.PatchStrategy.JsonPatch,
);

/** The Kubernetes Status inside a client-node ApiException. */
export async function statusOf(
  promise: Promise<unknown>,
): Promise<{ code: number; status: any }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: number; body?: unknown };
    if (typeof e.code !== 'number') throw error;
    const body =
      typeof e.body === 'string' && e.body ? JSON.parse(e.body) : e.body;
    return { code: e.code, status: body };
  }
  throw new Error('expected the request to fail');
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** A plain HTTPS request to the simulator, trusting its CA and (unless told otherwise) sending its token. */
export function rawRequest(
  sim: KubevirtSimulator,
  method: string,
  path: string,
  options: {
    body?: unknown;
    headers?: Record<string, string>;
    token?: string | null;
    timeoutMs?: number;
  } = {},
): Promise<RawResponse> {
  let payload: string | undefined;
  if (typeof options.body === 'string') payload = options.body;
  else if (options.body !== undefined) payload = JSON.stringify(options.body);
  const token = options.token === undefined ? sim.token : options.token;
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${sim.url}${path}`,
      {
        method,
        ca: sim.caCertPem,
        agent: false,
        headers: {
          Accept: 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(payload !== undefined
            ? { 'Content-Type': 'application/json' }
            : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 10_000,
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
          });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** `PUT …/virtualmachines/{name}/{action}` on KubeVirt's subresource API. */
export function vmAction(
  sim: KubevirtSimulator,
  namespace: string,
  name: string,
  action: string,
  body?: unknown,
) {
  return rawRequest(
    sim,
    'PUT',
    `/apis/subresources.kubevirt.io/v1/namespaces/${namespace}/virtualmachines/${name}/${action}`,
    { body },
  );
}

/** A VirtualMachine like the product renders: platform labels, pod network, optional DataVolume root disk. */
export function vmManifest(
  name: string,
  namespace: string,
  options: {
    runStrategy?: string;
    dataVolume?: boolean;
    labels?: Record<string, string>;
    memory?: string;
  } = {},
): KubeObject {
  const rootfs = options.dataVolume
    ? { name: 'rootfs', dataVolume: { name: `${name}-rootfs` } }
    : {
        name: 'rootfs',
        containerDisk: { image: 'quay.io/containerdisks/fedora:41' },
      };
  return {
    apiVersion: 'kubevirt.io/v1',
    kind: 'VirtualMachine',
    metadata: {
      name,
      namespace,
      labels: {
        'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd',
        ...options.labels,
      },
    },
    spec: {
      runStrategy: options.runStrategy ?? 'Always',
      ...(options.dataVolume
        ? {
            dataVolumeTemplates: [
              {
                metadata: { name: `${name}-rootfs` },
                spec: {
                  source: {
                    http: { url: 'https://images.example/fedora.qcow2' },
                  },
                  storage: {
                    storageClassName: 'standard',
                    resources: { requests: { storage: '20Gi' } },
                  },
                },
              },
            ],
          }
        : {}),
      template: {
        metadata: {
          labels: {
            'kubevirt-shepherd.io/managed-by': 'kubevirt-shepherd',
            ...options.labels,
          },
        },
        spec: {
          domain: {
            cpu: { cores: 1 },
            resources: {
              requests: { cpu: '500m', memory: options.memory ?? '1Gi' },
            },
            devices: {
              disks: [{ name: 'rootfs', disk: { bus: 'virtio' } }],
              interfaces: [{ name: 'default', masquerade: {} }],
            },
          },
          networks: [{ name: 'default', pod: {} }],
          volumes: [rootfs],
        },
      },
    },
  };
}
