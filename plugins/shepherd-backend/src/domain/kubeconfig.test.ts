import { parse } from 'yaml';
import { KUBECONFIG_RULES, sanitizeKubeconfig } from './kubeconfig';

const TOKEN = 'sha256~very-secret-token-value';
const KEY_DATA = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tc2VjcmV0';

/** A kubeconfig with two contexts; `prod` is current and uses a token. */
function tokenKubeconfig(
  overrides: {
    cluster?: Record<string, unknown>;
    user?: Record<string, unknown>;
    extra?: string;
  } = {},
) {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'prod-cluster',
        cluster: {
          server: 'https://api.prod.example.com:6443',
          'certificate-authority-data': 'Q0EtREFUQQ==',
          extensions: [{ name: 'x', extension: { anything: 1 } }],
          ...overrides.cluster,
        },
      },
      {
        name: 'dev-cluster',
        cluster: { server: 'https://api.dev.example.com:6443' },
      },
    ],
    users: [
      { name: 'prod-admin', user: { token: TOKEN, ...overrides.user } },
      { name: 'dev-admin', user: { token: 'other' } },
    ],
    contexts: [
      {
        name: 'prod',
        context: {
          cluster: 'prod-cluster',
          user: 'prod-admin',
          namespace: 'vms',
        },
      },
      { name: 'dev', context: { cluster: 'dev-cluster', user: 'dev-admin' } },
    ],
    'current-context': 'prod',
    preferences: {},
  });
}

const CLIENT_CERT_KUBECONFIG = `
apiVersion: v1
kind: Config
clusters:
  - name: sim
    cluster:
      server: https://127.0.0.1:8443
      certificate-authority-data: Q0EtREFUQQ==
      tls-server-name: kubernetes
users:
  - name: admin
    user:
      client-certificate-data: Q0VSVC1EQVRB
      client-key-data: ${KEY_DATA}
contexts:
  - name: sim
    context:
      cluster: sim
      user: admin
current-context: sim
`;

/** The refusal of an unsafe kubeconfig; fails when the text is not refused as unsafe. */
function unsafeRefusal(text: string) {
  const check = sanitizeKubeconfig(text);
  if (check.ok || !check.unsafe) {
    throw new Error(`not refused as unsafe: ${JSON.stringify(check)}`);
  }
  return check;
}

describe('sanitizeKubeconfig', () => {
  it('keeps only the current context of a token kubeconfig', () => {
    const check = sanitizeKubeconfig(tokenKubeconfig());
    if (!check.ok) throw new Error(check.message);
    expect(check.value.apiServerUrl).toBe('https://api.prod.example.com:6443');
    expect(check.value.contextName).toBe('prod');
    expect(parse(check.value.kubeconfig)).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'prod-cluster',
          cluster: {
            server: 'https://api.prod.example.com:6443',
            'certificate-authority-data': 'Q0EtREFUQQ==',
          },
        },
      ],
      users: [{ name: 'prod-admin', user: { token: TOKEN } }],
      contexts: [
        {
          name: 'prod',
          context: {
            cluster: 'prod-cluster',
            user: 'prod-admin',
            namespace: 'vms',
          },
        },
      ],
      'current-context': 'prod',
    });
  });

  it('accepts and normalises a client-certificate kubeconfig', () => {
    const check = sanitizeKubeconfig(CLIENT_CERT_KUBECONFIG);
    if (!check.ok) throw new Error(check.message);
    expect(check.value.apiServerUrl).toBe('https://127.0.0.1:8443');
    const normalised = parse(check.value.kubeconfig);
    expect(normalised.users).toEqual([
      {
        name: 'admin',
        user: {
          'client-certificate-data': 'Q0VSVC1EQVRB',
          'client-key-data': KEY_DATA,
        },
      },
    ]);
    expect(normalised.clusters[0].cluster['tls-server-name']).toBe(
      'kubernetes',
    );
  });

  it('refuses exec plugins, naming the path but not the command', () => {
    const check = unsafeRefusal(
      tokenKubeconfig({
        user: { exec: { command: '/bin/steal', args: ['--now'] } },
      }),
    );
    expect(check.violations).toEqual([
      { rule: KUBECONFIG_RULES.exec, path: 'users[0].user.exec' },
    ]);
    expect(check.message).toContain(KUBECONFIG_RULES.exec);
    expect(check.message).not.toContain('/bin/steal');
  });

  it('refuses auth-provider plugins', () => {
    const check = unsafeRefusal(
      tokenKubeconfig({
        user: { 'auth-provider': { name: 'gcp', config: {} } },
      }),
    );
    expect(check.violations).toEqual([
      {
        rule: KUBECONFIG_RULES.authProvider,
        path: 'users[0].user.auth-provider',
      },
    ]);
  });

  it.each([
    ['certificate-authority', 'cluster', 'clusters[0].cluster'],
    ['client-certificate', 'user', 'users[0].user'],
    ['client-key', 'user', 'users[0].user'],
    ['tokenFile', 'user', 'users[0].user'],
  ])('refuses the file reference %s', (key, entry, parent) => {
    const text = tokenKubeconfig({ [entry]: { [key]: '/etc/passwd' } });
    const check = unsafeRefusal(text);
    expect(check.violations).toEqual([
      { rule: KUBECONFIG_RULES.fileReference, path: `${parent}.${key}` },
    ]);
    expect(check.message).not.toContain('/etc/passwd');
  });

  it('refuses proxy URLs', () => {
    const check = unsafeRefusal(
      tokenKubeconfig({
        cluster: { 'proxy-url': 'socks5://proxy.example.com:1080' },
      }),
    );
    expect(check.violations).toEqual([
      {
        rule: KUBECONFIG_RULES.proxyUrl,
        path: 'clusters[0].cluster.proxy-url',
      },
    ]);
  });

  it('refuses disabled TLS verification, but not an explicit false', () => {
    const check = unsafeRefusal(
      tokenKubeconfig({ cluster: { 'insecure-skip-tls-verify': true } }),
    );
    expect(check.violations).toEqual([
      {
        rule: KUBECONFIG_RULES.insecureTls,
        path: 'clusters[0].cluster.insecure-skip-tls-verify',
      },
    ]);
    expect(
      sanitizeKubeconfig(
        tokenKubeconfig({ cluster: { 'insecure-skip-tls-verify': false } }),
      ).ok,
    ).toBe(true);
  });

  it.each(['http://api.example.com:6443', 'api.example.com:6443', 'https://'])(
    'refuses the server %p',
    server => {
      const check = unsafeRefusal(tokenKubeconfig({ cluster: { server } }));
      expect(check.violations).toEqual([
        {
          rule: KUBECONFIG_RULES.nonHttpsServer,
          path: 'clusters[0].cluster.server',
        },
      ]);
    },
  );

  it('refuses unsafe entries outside the current context too, listing every one', () => {
    const text = JSON.stringify({
      ...JSON.parse(tokenKubeconfig()),
      users: [
        { name: 'prod-admin', user: { token: TOKEN } },
        {
          name: 'dev-admin',
          user: { exec: { command: 'x' }, tokenFile: '/t' },
        },
      ],
    });
    expect(unsafeRefusal(text).violations).toEqual([
      { rule: KUBECONFIG_RULES.exec, path: 'users[1].user.exec' },
      { rule: KUBECONFIG_RULES.fileReference, path: 'users[1].user.tokenFile' },
    ]);
  });

  it.each([
    ['not YAML', 'clusters: [\n  - name: x\n bad', /not valid YAML \(line/],
    ['a list', '- a\n- b', /must be a YAML mapping/],
    ['duplicate keys', 'a: 1\na: 2', /not valid YAML/],
    [
      'no current context',
      JSON.stringify({
        ...JSON.parse(tokenKubeconfig()),
        'current-context': '',
      }),
      /no current-context/,
    ],
    [
      'a missing context',
      JSON.stringify({
        ...JSON.parse(tokenKubeconfig()),
        'current-context': 'nope',
      }),
      /no entry named 'nope' in contexts/,
    ],
    [
      'no clusters',
      JSON.stringify({ ...JSON.parse(tokenKubeconfig()), clusters: [] }),
      /has no clusters/,
    ],
    [
      'a user without credentials',
      tokenKubeconfig({ user: { token: undefined, username: 'only' } }),
      /has no credentials/,
    ],
    [
      'a non-string token',
      tokenKubeconfig({ user: { token: 42 } }),
      /token of the user 'prod-admin' must be a non-empty string/,
    ],
  ])('refuses %s as invalid', (_what, text, message) => {
    const check = sanitizeKubeconfig(text);
    expect(check).toMatchObject({ ok: false, unsafe: false });
    if (check.ok) throw new Error('accepted');
    expect(check.message).toMatch(message);
  });

  it('never repeats the text of a YAML syntax error', () => {
    const check = sanitizeKubeconfig(`token: ${TOKEN}\n  : [`);
    if (check.ok) throw new Error('accepted');
    expect(check.message).not.toContain(TOKEN);
  });
});
