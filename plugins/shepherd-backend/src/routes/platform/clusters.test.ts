import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { CredentialCipher } from '../../crypto/CredentialCipher';
import { startShepherdApi } from '../../__testUtils__/apiHarness';
import {
  ENCRYPTION_CONFIG,
  auditActions,
  expectRefusedToNonAdmins,
  expectNothingWritten,
  describePlatformApi,
} from '../../__testUtils__/platformApi';
import { AuditRecorder } from '../../service/audit/AuditRecorder';
import { DefaultClustersService } from '../../service/platform/DefaultClustersService';
import { GovernanceContext } from '../../service/GovernanceContext';

const SECRET_TOKEN = 'sha256~do-not-leak-this-token';
const SECRET_KEY_DATA = 'UFJJVkFURS1LRVktZG8tbm90LWxlYWs=';

function kubeconfig(
  options: { server?: string; user?: Record<string, unknown> } = {},
) {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'sim',
        cluster: {
          server: options.server ?? 'https://127.0.0.1:8443',
          'certificate-authority-data': 'Q0EtREFUQQ==',
        },
      },
    ],
    users: [
      {
        name: 'admin',
        user: options.user ?? {
          token: SECRET_TOKEN,
          'client-certificate-data': 'Q0VSVA==',
          'client-key-data': SECRET_KEY_DATA,
        },
      },
    ],
    contexts: [{ name: 'sim', context: { cluster: 'sim', user: 'admin' } }],
    'current-context': 'sim',
  });
}

/** Asserts that nothing that identifies the uploaded credentials is in `value`. */
function expectNoCredentials(value: unknown) {
  const text = JSON.stringify(value);
  expect(text).not.toContain(SECRET_TOKEN);
  expect(text).not.toContain(SECRET_KEY_DATA);
  expect(text).not.toMatch(/"kubeconfig"\s*:/);
}

describe('Platform API: clusters', () => {
  describePlatformApi((api, service, database) => {
    const base = '/v1/admin/clusters';

    function clustersService(config: object = ENCRYPTION_CONFIG) {
      const logger = mockServices.logger.mock();
      return new DefaultClustersService(
        new GovernanceContext({
          store: api.store,
          auditRecorder: new AuditRecorder(mockServices.auditor.mock(), logger),
          logger,
        }),
        CredentialCipher.fromConfig(new ConfigReader(config)),
        () => ['kubevirt'],
      );
    }

    async function register(body: object = {}) {
      const response = await api
        .as('platform-admin')
        .post(base)
        .send({
          name: 'sim-test',
          displayName: 'Simulator',
          environment: 'test',
          kubeconfig: kubeconfig(),
          ...body,
        });
      expectNoCredentials(response.body);
      return response;
    }

    it('registers a cluster with sanitised, encrypted credentials that never come back', async () => {
      const created = await register();
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        item: expect.objectContaining({
          name: 'sim-test',
          displayName: 'Simulator',
          environment: 'test',
          status: 'UNKNOWN',
          enabled: true,
          apiServerUrl: 'https://127.0.0.1:8443',
          credentialKeyId: 'k1',
          featureGates: [],
          storageClasses: [],
        }),
        warnings: [],
      });
      const id = created.body.item.id;

      for (const response of [
        await api.as('platform-admin').get(base),
        await api.as('platform-admin').get(`${base}/${id}`),
        await api.as('approver').get(`${base}/${id}`),
      ]) {
        expect(response.status).toBe(200);
        expectNoCredentials(response.body);
      }

      const row = await api.knex('clusters').where({ id }).first();
      expect(row.encryption_key_id).toBe('k1');
      expect(row.encrypted_kubeconfig).toMatch(/^v1\./);
      expectNoCredentials(row.encrypted_kubeconfig);

      const [audit] = (
        await api.store.audit.list({
          offset: 0,
          limit: 10,
          resourceType: 'cluster',
        })
      ).items;
      expect(audit).toMatchObject({
        action: 'cluster.register',
        resourceId: id,
        environment: 'test',
        details: {
          apiServerUrl: 'https://127.0.0.1:8443',
          encryptionKeyId: 'k1',
        },
      });
      expectNoCredentials(await api.knex('audit_logs').select('*'));

      // Inside the backend, the provider reads the normalised kubeconfig back.
      const decrypted = await clustersService().getClusterKubeconfig(id);
      expect(decrypted).toContain(SECRET_TOKEN);
      expect(decrypted).toContain('current-context: sim');
    });

    it('binds ciphertexts to their cluster and needs a configured key to read them', async () => {
      const first = (await register()).body.item;
      const second = (await register({ name: 'sim-other' })).body.item;
      const { encrypted_kubeconfig } = await api
        .knex('clusters')
        .where({ id: first.id })
        .first();
      await api
        .knex('clusters')
        .where({ id: second.id })
        .update({ encrypted_kubeconfig });

      await expect(
        clustersService().getClusterKubeconfig(second.id),
      ).rejects.toMatchObject({
        code: 'CLUSTER_CREDENTIALS_UNREADABLE',
      });
      await expect(
        clustersService({
          shepherd: {
            credentials: {
              encryptionKeys: [
                { id: 'k2', secret: Buffer.alloc(32, 9).toString('base64') },
              ],
            },
          },
        }).getClusterKubeconfig(first.id),
      ).rejects.toMatchObject({ code: 'CLUSTER_CREDENTIALS_UNREADABLE' });
      await expect(
        clustersService().getClusterKubeconfig('nope'),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it.each([
      [
        {
          user: { exec: { command: '/usr/bin/steal', args: [SECRET_TOKEN] } },
        },
        'exec-plugin',
      ],
      [
        {
          user: {
            'auth-provider': {
              name: 'oidc',
              config: { 'id-token': SECRET_TOKEN },
            },
          },
        },
        'auth-provider-plugin',
      ],
      [{ user: { tokenFile: '/var/run/secrets/token' } }, 'file-reference'],
      [{ server: 'http://127.0.0.1:8080' }, 'non-https-server'],
    ])(
      'refuses an unsafe kubeconfig %#, naming the rule and writing nothing',
      async (options, rule) => {
        const response = await register({ kubeconfig: kubeconfig(options) });
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('KUBECONFIG_UNSAFE');
        expect(response.body.error.details.violations).toContainEqual(
          expect.objectContaining({ rule }),
        );
        expect(response.body.error.message).not.toContain('/usr/bin/steal');
        await expectNothingWritten(api, 'clusters', 'cluster');
      },
    );

    it.each([
      ['text that is not a kubeconfig', 'just: text', 'KUBECONFIG_INVALID'],
      ['broken YAML', 'clusters: [', 'KUBECONFIG_INVALID'],
      ['an empty kubeconfig', '', 'VALIDATION_FAILED'],
      [
        'a kubeconfig over 64 KiB',
        `a: ${'x'.repeat(65536)}`,
        'VALIDATION_FAILED',
      ],
    ])('refuses %s', async (_what, text, code) => {
      const response = await register({ kubeconfig: text });
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      await expectNothingWritten(api, 'clusters', 'cluster');
    });

    it('refuses bad names, duplicate names and clusters without an environment', async () => {
      expect((await register({ name: 'Sim_1' })).body.error.code).toBe(
        'NAME_INVALID',
      );
      expect((await register({ environment: undefined })).body.error.code).toBe(
        'VALIDATION_FAILED',
      );
      await expectNothingWritten(api, 'clusters', 'cluster');
      expect((await register()).status).toBe(201);
      const twice = await register();
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe('NAME_ALREADY_EXISTS');
    });

    it('answers 503 ENCRYPTION_NOT_CONFIGURED without a key, and writes nothing', async () => {
      const unconfigured = await startShepherdApi(database);
      try {
        const response = await unconfigured
          .as('platform-admin')
          .post(base)
          .send({
            name: 'sim',
            environment: 'test',
            kubeconfig: kubeconfig(),
          });
        expect(response.status).toBe(503);
        expect(response.body.error.code).toBe('ENCRYPTION_NOT_CONFIGURED');
        expectNoCredentials(response.body);
        expect(await unconfigured.knex('clusters').select('id')).toEqual([]);
      } finally {
        await unconfigured.backend.stop();
      }
    });

    it('changes display name, enabled flag, default storage class and environment', async () => {
      const cluster = await api.fixtures.cluster({
        storageClasses: ['standard', 'fast'],
      });
      const as = api.as('platform-admin');
      const patched = await as.patch(`${base}/${cluster.id}`).send({
        displayName: 'Fast cluster',
        enabled: false,
        defaultStorageClass: 'fast',
        environment: 'prod',
      });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({
        displayName: 'Fast cluster',
        enabled: false,
        defaultStorageClass: 'fast',
        environment: 'prod',
      });
      expect(await api.store.clusters.get(cluster.id)).toEqual(patched.body);

      const unknownClass = await as
        .patch(`${base}/${cluster.id}`)
        .send({ defaultStorageClass: 'slow', displayName: 'changed' });
      expect(unknownClass.status).toBe(400);
      expect(unknownClass.body.error.code).toBe('STORAGE_CLASS_UNKNOWN');
      expect((await api.store.clusters.get(cluster.id))?.displayName).toBe(
        'Fast cluster',
      );
      expect(await auditActions(api, 'cluster')).toEqual(['cluster.update']);
    });

    it('keeps the environment and the registration while VMs use the cluster', async () => {
      const cluster = await api.fixtures.cluster();
      const vm = await api.fixtures.vm(service, { clusterId: cluster.id });
      const as = api.as('platform-admin');

      const move = await as
        .patch(`${base}/${cluster.id}`)
        .send({ environment: 'prod' });
      expect(move.status).toBe(409);
      expect(move.body.error.code).toBe('ENVIRONMENT_IMMUTABLE');
      const remove = await as.delete(`${base}/${cluster.id}`);
      expect(remove.status).toBe(409);
      expect(remove.body.error).toMatchObject({
        code: 'DELETE_RESTRICTED',
        details: { vms: 1 },
      });
      expect(await api.store.clusters.get(cluster.id)).toEqual(cluster);
      expect(await auditActions(api, 'cluster')).toEqual([]);

      await api.store.vms.delete(vm.id);
      await as.delete(`${base}/${cluster.id}`).expect(204);
      expect(await api.store.clusters.get(cluster.id)).toBeUndefined();
      expect(await auditActions(api, 'cluster')).toEqual(['cluster.delete']);
    });

    it('rotates credentials, audited without them', async () => {
      const created = (await register()).body.item;
      const before = await api
        .knex('clusters')
        .where({ id: created.id })
        .first();

      const rotated = await api
        .as('platform-admin')
        .put(`${base}/${created.id}/credentials`)
        .send({
          kubeconfig: kubeconfig({
            server: 'https://api.sim.example.com:6443',
            user: { token: `${SECRET_TOKEN}-2` },
          }),
        });
      expect(rotated.status).toBe(200);
      expectNoCredentials(rotated.body);
      expect(rotated.body.apiServerUrl).toBe(
        'https://api.sim.example.com:6443',
      );

      const after = await api
        .knex('clusters')
        .where({ id: created.id })
        .first();
      expect(after.encrypted_kubeconfig).not.toBe(before.encrypted_kubeconfig);
      expect(
        await clustersService().getClusterKubeconfig(created.id),
      ).toContain(`${SECRET_TOKEN}-2`);
      const rotation = (
        await api.store.audit.list({
          offset: 0,
          limit: 1,
          action: 'cluster.credential_rotate',
        })
      ).items[0];
      expect(rotation.details).toMatchObject({
        apiServerUrl: 'https://api.sim.example.com:6443',
        previousApiServerUrl: 'https://127.0.0.1:8443',
      });
      expectNoCredentials(await api.knex('audit_logs').select('*'));

      const unsafe = await api
        .as('platform-admin')
        .put(`${base}/${created.id}/credentials`)
        .send({
          kubeconfig: kubeconfig({ user: { exec: { command: 'x' } } }),
        });
      expect(unsafe.body.error.code).toBe('KUBECONFIG_UNSAFE');
      expect(
        (await api.knex('clusters').where({ id: created.id }).first())
          .encrypted_kubeconfig,
      ).toBe(after.encrypted_kubeconfig);
      const missing = await api
        .as('platform-admin')
        .put(`${base}/nope/credentials`)
        .send({ kubeconfig: kubeconfig() });
      expect(missing.status).toBe(404);
    });

    it('lets cluster readers look and only cluster managers change', async () => {
      const cluster = await api.fixtures.cluster();
      expect((await api.as('approver').get(base)).status).toBe(200);
      for (const persona of ['engineer-test', 'viewer', 'outsider']) {
        expect((await api.as(persona).get(base)).status).toBe(403);
        expect(
          (await api.as(persona).get(`${base}/${cluster.id}`)).status,
        ).toBe(403);
      }
      await expectRefusedToNonAdmins(
        api,
        as => [
          as.post(base).send({
            name: 'other',
            environment: 'test',
            kubeconfig: kubeconfig(),
          }),
          as.patch(`${base}/${cluster.id}`).send({ enabled: false }),
          as
            .put(`${base}/${cluster.id}/credentials`)
            .send({ kubeconfig: kubeconfig() }),
          as.delete(`${base}/${cluster.id}`),
        ],
        refusal => expectNoCredentials(refusal.body),
      );
      expect((await api.anonymous().get(base)).status).toBe(401);
      expect(await api.store.clusters.get(cluster.id)).toEqual(cluster);
      expect(await auditActions(api, 'cluster')).toEqual([]);
    });
  });
});
