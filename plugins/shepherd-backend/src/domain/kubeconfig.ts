import { stringify } from 'yaml';
import { isPlainObject, parseYaml } from './yamlText';

/**
 * Rules an uploaded kubeconfig must not break. Each one closes a way for a kubeconfig to make
 * the backend run programs, read its own files, route through another host or trust any
 * server.
 */
export const KUBECONFIG_RULES = {
  exec: 'exec-plugin',
  authProvider: 'auth-provider-plugin',
  fileReference: 'file-reference',
  proxyUrl: 'proxy-url',
  insecureTls: 'insecure-skip-tls-verify',
  nonHttpsServer: 'non-https-server',
} as const;

export type KubeconfigRule =
  (typeof KUBECONFIG_RULES)[keyof typeof KUBECONFIG_RULES];

/** Where a kubeconfig breaks a rule: the rule and the path of the offending key, never its value. */
export interface KubeconfigViolation {
  rule: KubeconfigRule;
  path: string;
}

/** A kubeconfig reduced to what Shepherd uses: one cluster, one user, one context. */
export interface SanitizedKubeconfig {
  /** The normalised kubeconfig, as YAML. */
  kubeconfig: string;
  apiServerUrl: string;
  contextName: string;
}

export type KubeconfigCheck =
  | { ok: true; value: SanitizedKubeconfig }
  | { ok: false; unsafe: false; message: string }
  | {
      ok: false;
      unsafe: true;
      message: string;
      violations: KubeconfigViolation[];
    };

/** Keys that make client-go read a local file. */
const FILE_REFERENCE_KEYS = new Set([
  'certificate-authority',
  'client-certificate',
  'client-key',
  'tokenFile',
]);

/** What is kept of each entry; everything else (extensions, unknown fields) is dropped. */
const KEPT_CLUSTER_FIELDS = [
  'server',
  'certificate-authority-data',
  'tls-server-name',
] as const;
const KEPT_USER_FIELDS = [
  'token',
  'client-certificate-data',
  'client-key-data',
  'username',
  'password',
] as const;
const KEPT_CONTEXT_FIELDS = ['cluster', 'user', 'namespace'] as const;

/** Deeper nesting than any real kubeconfig; bounds the recursion of the scan. */
const MAX_DEPTH = 32;

const CURRENT_CONTEXT = 'current-context';

class InvalidKubeconfig extends Error {}

function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^true$/i.test(value));
}

function violationOf(key: string, value: unknown): KubeconfigRule | undefined {
  if (key === 'exec') return KUBECONFIG_RULES.exec;
  if (key === 'auth-provider') return KUBECONFIG_RULES.authProvider;
  if (FILE_REFERENCE_KEYS.has(key)) return KUBECONFIG_RULES.fileReference;
  if (key === 'proxy-url') return KUBECONFIG_RULES.proxyUrl;
  if (key === 'insecure-skip-tls-verify' && isTrue(value)) {
    return KUBECONFIG_RULES.insecureTls;
  }
  if (key === 'server' && !isHttpsUrl(value)) {
    return KUBECONFIG_RULES.nonHttpsServer;
  }
  return undefined;
}

/**
 * Every rule the document breaks, anywhere in it: not only in the current context's entries,
 * since an unsafe entry shows that the file was not meant for a shared server.
 */
function findViolations(
  value: unknown,
  path: string,
  depth: number,
  found: KubeconfigViolation[],
) {
  if (depth > MAX_DEPTH) {
    throw new InvalidKubeconfig('The kubeconfig is nested too deeply');
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      findViolations(item, `${path}[${index}]`, depth + 1, found),
    );
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, entry] of Object.entries(value)) {
    const keyPath = path ? `${path}.${key}` : key;
    const rule = violationOf(key, entry);
    if (rule) {
      found.push({ rule, path: keyPath });
    }
    findViolations(entry, keyPath, depth + 1, found);
  }
}

/** The entry named `name` of a `clusters`, `users` or `contexts` list. */
function namedEntry(
  config: Record<string, unknown>,
  list: 'clusters' | 'users' | 'contexts',
  field: 'cluster' | 'user' | 'context',
  name: unknown,
): Record<string, unknown> {
  const entries = config[list];
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new InvalidKubeconfig(`The kubeconfig has no ${list}`);
  }
  const entry = entries.find(
    candidate => isPlainObject(candidate) && candidate.name === name,
  );
  if (!entry) {
    throw new InvalidKubeconfig(
      `The kubeconfig has no entry named '${String(name)}' in ${list}`,
    );
  }
  const body = entry[field];
  if (!isPlainObject(body)) {
    throw new InvalidKubeconfig(
      `The ${list} entry '${String(name)}' has no ${field} object`,
    );
  }
  return body;
}

function pickStrings(
  source: Record<string, unknown>,
  fields: readonly string[],
  what: string,
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const field of fields) {
    const value = source[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value === '') {
      throw new InvalidKubeconfig(
        `${field} of the ${what} must be a non-empty string`,
      );
    }
    picked[field] = value;
  }
  return picked;
}

function checkCredentials(user: Record<string, string>, name: string) {
  const hasToken = 'token' in user;
  const hasCertificate =
    'client-certificate-data' in user && 'client-key-data' in user;
  const hasBasicAuth = 'username' in user && 'password' in user;
  if (!hasToken && !hasCertificate && !hasBasicAuth) {
    throw new InvalidKubeconfig(
      `The user '${name}' has no credentials Shepherd can use: a token, client-certificate-data with client-key-data, or username with password`,
    );
  }
}

function normalise(config: Record<string, unknown>): SanitizedKubeconfig {
  const contextName = config[CURRENT_CONTEXT];
  if (typeof contextName !== 'string' || contextName === '') {
    throw new InvalidKubeconfig(`The kubeconfig has no ${CURRENT_CONTEXT}`);
  }
  const context = pickStrings(
    namedEntry(config, 'contexts', 'context', contextName),
    KEPT_CONTEXT_FIELDS,
    `context '${contextName}'`,
  );
  if (!context.cluster || !context.user) {
    throw new InvalidKubeconfig(
      `The context '${contextName}' must name a cluster and a user`,
    );
  }
  const cluster = pickStrings(
    namedEntry(config, 'clusters', 'cluster', context.cluster),
    KEPT_CLUSTER_FIELDS,
    `cluster '${context.cluster}'`,
  );
  if (!cluster.server) {
    throw new InvalidKubeconfig(
      `The cluster '${context.cluster}' has no server`,
    );
  }
  const user = pickStrings(
    namedEntry(config, 'users', 'user', context.user),
    KEPT_USER_FIELDS,
    `user '${context.user}'`,
  );
  checkCredentials(user, context.user);

  const normalised = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: context.cluster, cluster }],
    users: [{ name: context.user, user }],
    contexts: [{ name: contextName, context }],
    [CURRENT_CONTEXT]: contextName,
  };
  return {
    kubeconfig: stringify(normalised),
    apiServerUrl: cluster.server,
    contextName,
  };
}

/**
 * Checks an uploaded kubeconfig and reduces it to its current context. Refuses, as unsafe,
 * any document that names an exec or auth-provider plugin, a local file, a proxy, disabled
 * TLS verification or a server that is not HTTPS; refuses, as invalid, what is not a usable
 * kubeconfig. Messages name rules, paths and entry names, never credential values.
 */
export function sanitizeKubeconfig(text: string): KubeconfigCheck {
  const parsed = parseYaml(text);
  if (!parsed.ok) {
    return {
      ok: false,
      unsafe: false,
      message: `The kubeconfig is not valid YAML (line ${parsed.error.line}, column ${parsed.error.column}): ${parsed.error.message}`,
    };
  }
  if (!isPlainObject(parsed.value)) {
    return {
      ok: false,
      unsafe: false,
      message: 'The kubeconfig must be a YAML mapping',
    };
  }
  try {
    const violations: KubeconfigViolation[] = [];
    findViolations(parsed.value, '', 0, violations);
    if (violations.length > 0) {
      const rules = [...new Set(violations.map(v => v.rule))];
      return {
        ok: false,
        unsafe: true,
        message: `The kubeconfig is refused because it breaks ${rules.join(
          ', ',
        )} (at ${violations.map(v => v.path).join(', ')})`,
        violations,
      };
    }
    return { ok: true, value: normalise(parsed.value) };
  } catch (error) {
    if (error instanceof InvalidKubeconfig) {
      return { ok: false, unsafe: false, message: error.message };
    }
    throw error;
  }
}
