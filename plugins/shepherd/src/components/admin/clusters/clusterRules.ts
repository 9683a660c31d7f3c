import {
  SHEPHERD_ERROR_CODES,
  ShepherdCluster,
  checkCatalogName,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * What the cluster forms check before they submit, as the backend checks it (the backend
 * decides: it also sanitises the kubeconfig, which the UI cannot).
 */

/** The longest display name (openapi.yaml: displayName maxLength). */
export const DISPLAY_NAME_MAX_LENGTH = 255;
/** The longest kubeconfig the API takes (openapi.yaml: Kubeconfig maxLength). */
export const KUBECONFIG_MAX_LENGTH = 65536;

/** What is wrong with a cluster name, or undefined. */
export function clusterNameProblem(name: string): string | undefined {
  if (name === '') return 'A name is required';
  return checkCatalogName(name);
}

/** What is wrong with a display name (empty means "the name"), or undefined. */
export function displayNameProblem(displayName: string): string | undefined {
  if (displayName !== '' && displayName.trim() === '') {
    return 'The display name cannot be only spaces';
  }
  if (displayName.length > DISPLAY_NAME_MAX_LENGTH) {
    return `At most ${DISPLAY_NAME_MAX_LENGTH} characters`;
  }
  return undefined;
}

/** What is wrong with a kubeconfig's text, or undefined. */
export function kubeconfigProblem(kubeconfig: string): string | undefined {
  if (kubeconfig.trim() === '') return 'A kubeconfig is required';
  if (kubeconfig.length > KUBECONFIG_MAX_LENGTH) {
    return `The kubeconfig has ${kubeconfig.length} characters; at most ${KUBECONFIG_MAX_LENGTH} are accepted`;
  }
  return undefined;
}

/**
 * What the backend refuses in a kubeconfig (KUBECONFIG_UNSAFE), by the rule names of its
 * `details.violations[].rule`.
 */
export const KUBECONFIG_RULE_DESCRIPTIONS: Record<string, string> = {
  'exec-plugin': 'an exec credential plugin (runs a program on the backend)',
  'auth-provider-plugin': 'an auth-provider plugin',
  'file-reference':
    'a reference to a local file (use the inline *-data fields instead)',
  'proxy-url': 'a proxy-url',
  'insecure-skip-tls-verify': 'insecure-skip-tls-verify: true',
  'non-https-server': 'a server URL that is not https://',
};

/** The codes of kubeconfig refusals, which the forms explain. */
export const KUBECONFIG_ERROR_CODES: ReadonlySet<string> = new Set([
  SHEPHERD_ERROR_CODES.KUBECONFIG_INVALID,
  SHEPHERD_ERROR_CODES.KUBECONFIG_UNSAFE,
  SHEPHERD_ERROR_CODES.ENCRYPTION_NOT_CONFIGURED,
]);

/** Whether the cluster waits for its first health check, which fills in health and capabilities. */
export function awaitsFirstCheck(cluster: ShepherdCluster): boolean {
  return cluster.enabled && !cluster.lastCheckedAt;
}
