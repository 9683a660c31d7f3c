import { stringify } from 'yaml';

export interface KubeconfigParams {
  /** Cluster, context and user names are derived from it. */
  name: string;
  server: string;
  caCertPem: string;
  token: string;
  namespace?: string;
}

/**
 * A kubeconfig as `kubectl config view --raw` would print it: the CA inline as
 * certificate-authority-data, a token user, and the current context set.
 */
export function buildKubeconfig(params: KubeconfigParams): string {
  const user = `${params.name}-admin`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: params.name,
        cluster: {
          server: params.server,
          'certificate-authority-data': Buffer.from(params.caCertPem).toString(
            'base64',
          ),
        },
      },
    ],
    users: [{ name: user, user: { token: params.token } }],
    contexts: [
      {
        name: params.name,
        context: {
          cluster: params.name,
          user,
          namespace: params.namespace ?? 'default',
        },
      },
    ],
    'current-context': params.name,
    preferences: {},
  });
}
