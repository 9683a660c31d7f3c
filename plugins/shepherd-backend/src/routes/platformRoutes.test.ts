import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  ShepherdService,
  TicketStatus,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { CredentialCipher } from '../crypto/CredentialCipher';
import { ShepherdApi, startShepherdApi } from '../__testUtils__/apiHarness';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { AuditRecorder } from '../service/audit/AuditRecorder';
import { DefaultClustersService } from '../service/platform/DefaultClustersService';
import { GovernanceContext } from '../service/GovernanceContext';

jest.setTimeout(60_000);

const ENCRYPTION_CONFIG = {
  shepherd: {
    credentials: {
      encryptionKeys: [
        { id: 'k1', secret: Buffer.alloc(32, 7).toString('base64') },
      ],
    },
  },
};

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

/** cloud-config user data of exactly `bytes` bytes of UTF-8 (`fill` of 1 to 4 bytes). */
function cloudInitOfBytes(bytes: number, fill = 'x') {
  const header = '#cloud-config\nruncmd: []\n# ';
  const padding = bytes - header.length;
  const fillBytes = Buffer.byteLength(fill, 'utf8');
  return `${header}${fill.repeat(Math.floor(padding / fillBytes))}${'x'.repeat(
    padding % fillBytes,
  )}`;
}

const ADMIN_WRITE_REFUSED = [
  'engineer-test',
  'engineer-prod',
  'viewer',
  'outsider',
];

/** Asserts that nothing that identifies the uploaded credentials is in `value`. */
function expectNoCredentials(value: unknown) {
  const text = JSON.stringify(value);
  expect(text).not.toContain(SECRET_TOKEN);
  expect(text).not.toContain(SECRET_KEY_DATA);
  expect(text).not.toMatch(/"kubeconfig"\s*:/);
}

describe('Catalogs API', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: ShepherdApi;
    let service: ShepherdService;

    beforeEach(async () => {
      api = await startShepherdApi({
        databases,
        databaseId,
        config: ENCRYPTION_CONFIG,
      });
      service = await api.fixtures.service(await api.fixtures.system());
    });

    afterEach(async () => {
      await api.backend.stop();
    });

    async function auditActions(resourceType: string) {
      const page = await api.store.audit.list({
        offset: 0,
        limit: 100,
        resourceType,
      });
      return page.items.map(entry => entry.action).sort();
    }

    async function expectNothingWritten(table: string, resourceType: string) {
      const [{ count }] = await api.knex(table).count({ count: '*' });
      expect(Number(count)).toBe(0);
      expect(await auditActions(resourceType)).toEqual([]);
    }

    async function ticketFor(
      overrides: {
        namespace?: string;
        status?: TicketStatus;
        requestSpec?: Record<string, unknown>;
        clusterId?: string;
      } = {},
    ) {
      return api.fixtures.ticket(service, overrides);
    }

    it('answers 404 for unknown ids, whatever their shape', async () => {
      const as = api.as('platform-admin');
      for (const [base, patch, deleteQuery] of [
        ['/v1/admin/namespaces', { enabled: false }, '?confirm_name=x'],
        ['/v1/admin/clusters', { enabled: false }, ''],
        ['/v1/admin/templates', { displayName: 'x' }, ''],
        ['/v1/admin/instance-sizes', { enabled: false }, ''],
      ] as const) {
        for (const id of ['nope', '00000000-0000-4000-8000-000000000000']) {
          for (const response of [
            await as.get(`${base}/${id}`),
            await as.patch(`${base}/${id}`).send(patch),
            await as.delete(`${base}/${id}${deleteQuery}`),
          ]) {
            expect(response.status).toBe(404);
            expect(response.body.error.code).toBe('NOT_FOUND');
          }
        }
      }
    });

    describe('namespaces', () => {
      const base = '/v1/admin/namespaces';

      it('lets platform admins register, read, change and delete namespaces, audited', async () => {
        const created = await api
          .as('platform-admin')
          .post(base)
          .send({ name: 'payments-dev1', environment: 'test' });
        expect(created.status).toBe(201);
        expect(created.body.item).toMatchObject({
          name: 'payments-dev1',
          environment: 'test',
          description: '',
          enabled: true,
          createdBy: 'user:default/platform-admin',
        });
        expect(created.body.warnings).toEqual([
          expect.objectContaining({ code: 'NAME_LENGTH_WARNING' }),
        ]);
        const id = created.body.item.id;

        const list = await api
          .as('platform-admin')
          .get(`${base}?environment=test&enabled=true`);
        expect(list.body).toMatchObject({
          totalItems: 1,
          offset: 0,
          limit: 20,
        });
        expect(
          (await api.as('platform-admin').get(`${base}?environment=prod`)).body
            .items,
        ).toEqual([]);
        expect(
          (await api.as('platform-admin').get(`${base}/${id}`)).body,
        ).toEqual(created.body.item);

        const patched = await api
          .as('platform-admin')
          .patch(`${base}/${id}`)
          .send({
            description: 'Payments, test',
            enabled: false,
            environment: 'prod',
          });
        expect(patched.status).toBe(200);
        expect(patched.body).toMatchObject({
          description: 'Payments, test',
          enabled: false,
          environment: 'prod',
        });
        const [update] = (
          await api.store.audit.list({
            offset: 0,
            limit: 1,
            action: 'namespace.update',
          })
        ).items;
        expect(update).toMatchObject({
          resourceId: id,
          environment: 'prod',
          details: {
            changes: {
              description: { from: '', to: 'Payments, test' },
              enabled: { from: true, to: false },
              environment: { from: 'test', to: 'prod' },
            },
          },
        });

        await api
          .as('platform-admin')
          .delete(`${base}/${id}?confirm_name=payments-dev1`)
          .expect(204);
        expect(
          (await api.as('platform-admin').get(`${base}/${id}`)).status,
        ).toBe(404);
        expect(await auditActions('namespace')).toEqual([
          'namespace.create',
          'namespace.delete',
          'namespace.update',
        ]);
      });

      it.each([
        [{ name: 'Dev', environment: 'test' }, 'NAME_INVALID'],
        [{ name: 'dev--a', environment: 'test' }, 'NAME_INVALID'],
        [{ name: 'a-very-long-name1', environment: 'test' }, 'NAME_TOO_LONG'],
        [{ name: 'default', environment: 'test' }, 'NAME_RESERVED'],
        [{ name: 'kube-things', environment: 'test' }, 'NAME_RESERVED'],
        [{ name: 'dev' }, 'VALIDATION_FAILED'],
        [{ name: 'dev', environment: 'staging' }, 'VALIDATION_FAILED'],
        [
          { name: 'dev', environment: 'test', description: 'x'.repeat(513) },
          'VALIDATION_FAILED',
        ],
        [
          { name: 'dev', environment: 'test', cluster: 'c1' },
          'VALIDATION_FAILED',
        ],
      ])('refuses %p with %p and writes nothing', async (body, code) => {
        const response = await api.as('platform-admin').post(base).send(body);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe(code);
        await expectNothingWritten('namespaces', 'namespace');
      });

      it('refuses a second namespace with the same name', async () => {
        await api.fixtures.namespace({ name: 'dev' });
        const response = await api
          .as('platform-admin')
          .post(base)
          .send({ name: 'dev', environment: 'prod' });
        expect(response.status).toBe(409);
        expect(response.body.error.code).toBe('NAME_ALREADY_EXISTS');
        expect(await auditActions('namespace')).toEqual([]);
      });

      it('is for catalog managers only, reads included', async () => {
        const namespace = await api.fixtures.namespace({ name: 'dev' });
        for (const persona of [...ADMIN_WRITE_REFUSED, 'approver']) {
          const as = api.as(persona);
          for (const response of [
            await as.get(base),
            await as.get(`${base}/${namespace.id}`),
            await as.post(base).send({ name: 'other', environment: 'test' }),
            await as.patch(`${base}/${namespace.id}`).send({ enabled: false }),
            await as.delete(`${base}/${namespace.id}?confirm_name=dev`),
          ]) {
            expect(response.status).toBe(403);
            expect(response.body.error.code).toBe('PERMISSION_DENIED');
          }
        }
        expect((await api.anonymous().get(base)).status).toBe(401);
        expect(
          (
            await api
              .anonymous()
              .post(base)
              .send({ name: 'x', environment: 'test' })
          ).status,
        ).toBe(401);
        expect(await api.store.namespaces.get(namespace.id)).toEqual(namespace);
        expect(await auditActions('namespace')).toEqual([]);
      });

      it('keeps the environment once a VM or any request uses the namespace', async () => {
        const withTicket = await api.fixtures.namespace({ name: 'dev' });
        await ticketFor({ namespace: 'dev', status: 'REJECTED' });
        const withVm = await api.fixtures.namespace({ name: 'qa' });
        await api.fixtures.vm(service, { namespace: 'qa' });

        for (const namespace of [withTicket, withVm]) {
          const refused = await api
            .as('platform-admin')
            .patch(`${base}/${namespace.id}`)
            .send({ environment: 'prod', description: 'moved' });
          expect(refused.status).toBe(409);
          expect(refused.body.error.code).toBe('ENVIRONMENT_IMMUTABLE');
          expect(await api.store.namespaces.get(namespace.id)).toEqual(
            namespace,
          );
        }
        expect(await auditActions('namespace')).toEqual([]);

        const description = await api
          .as('platform-admin')
          .patch(`${base}/${withVm.id}`)
          .send({ environment: 'test', description: 'same environment' });
        expect(description.status).toBe(200);
      });

      it('deletes only with the typed name, and not while VMs or unfinished requests use it', async () => {
        const namespace = await api.fixtures.namespace({ name: 'dev' });
        const as = api.as('platform-admin');

        const missing = await as.delete(`${base}/${namespace.id}`);
        expect(missing.status).toBe(400);
        expect(missing.body.error.code).toBe('DELETE_CONFIRMATION_REQUIRED');
        const wrong = await as.delete(
          `${base}/${namespace.id}?confirm_name=qa`,
        );
        expect(wrong.body.error.code).toBe('CONFIRMATION_NAME_MISMATCH');

        const pending = await ticketFor({
          namespace: 'dev',
          status: 'PENDING',
        });
        const byTicket = await as.delete(
          `${base}/${namespace.id}?confirm_name=dev`,
        );
        expect(byTicket.status).toBe(409);
        expect(byTicket.body.error).toMatchObject({
          code: 'DELETE_RESTRICTED',
          details: { vms: 0, tickets: 1 },
        });
        await api
          .knex('tickets')
          .where({ id: pending.id })
          .update({ status: 'SUCCESS' });

        const vm = await api.fixtures.vm(service, { namespace: 'dev' });
        const byVm = await as.delete(
          `${base}/${namespace.id}?confirm_name=dev`,
        );
        expect(byVm.body.error).toMatchObject({
          code: 'DELETE_RESTRICTED',
          details: { vms: 1, tickets: 0 },
        });
        expect(await api.store.namespaces.get(namespace.id)).toEqual(namespace);
        expect(await auditActions('namespace')).toEqual([]);

        await api.store.vms.delete(vm.id);
        await as.delete(`${base}/${namespace.id}?confirm_name=dev`).expect(204);
        expect(await auditActions('namespace')).toEqual(['namespace.delete']);
        expect(
          (await as.delete(`${base}/${namespace.id}?confirm_name=dev`)).status,
        ).toBe(404);
      });
    });

    describe('clusters', () => {
      const base = '/v1/admin/clusters';

      function clustersService(config: object = ENCRYPTION_CONFIG) {
        const logger = mockServices.logger.mock();
        return new DefaultClustersService(
          new GovernanceContext({
            store: api.store,
            auditRecorder: new AuditRecorder(
              mockServices.auditor.mock(),
              logger,
            ),
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
          await expectNothingWritten('clusters', 'cluster');
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
        await expectNothingWritten('clusters', 'cluster');
      });

      it('refuses bad names, duplicate names and clusters without an environment', async () => {
        expect((await register({ name: 'Sim_1' })).body.error.code).toBe(
          'NAME_INVALID',
        );
        expect(
          (await register({ environment: undefined })).body.error.code,
        ).toBe('VALIDATION_FAILED');
        await expectNothingWritten('clusters', 'cluster');
        expect((await register()).status).toBe(201);
        const twice = await register();
        expect(twice.status).toBe(409);
        expect(twice.body.error.code).toBe('NAME_ALREADY_EXISTS');
      });

      it('answers 503 ENCRYPTION_NOT_CONFIGURED without a key, and writes nothing', async () => {
        const unconfigured = await startShepherdApi({ databases, databaseId });
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
        expect(await auditActions('cluster')).toEqual(['cluster.update']);
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
        expect(await auditActions('cluster')).toEqual([]);

        await api.store.vms.delete(vm.id);
        await as.delete(`${base}/${cluster.id}`).expect(204);
        expect(await api.store.clusters.get(cluster.id)).toBeUndefined();
        expect(await auditActions('cluster')).toEqual(['cluster.delete']);
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
        expect(after.encrypted_kubeconfig).not.toBe(
          before.encrypted_kubeconfig,
        );
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
        for (const persona of [...ADMIN_WRITE_REFUSED, 'approver']) {
          const as = api.as(persona);
          for (const response of [
            await as.post(base).send({
              name: 'other',
              environment: 'test',
              kubeconfig: kubeconfig(),
            }),
            await as.patch(`${base}/${cluster.id}`).send({ enabled: false }),
            await as
              .put(`${base}/${cluster.id}/credentials`)
              .send({ kubeconfig: kubeconfig() }),
            await as.delete(`${base}/${cluster.id}`),
          ]) {
            expect(response.status).toBe(403);
            expectNoCredentials(response.body);
          }
        }
        expect((await api.anonymous().get(base)).status).toBe(401);
        expect(await api.store.clusters.get(cluster.id)).toEqual(cluster);
        expect(await auditActions('cluster')).toEqual([]);
      });
    });

    describe('templates', () => {
      const base = '/v1/admin/templates';
      const FEDORA = {
        name: 'fedora-40',
        displayName: 'Fedora 40',
        sourceType: 'containerdisk',
        imageUrl: 'quay.io/containerdisks/fedora:40',
        cloudInit: '#cloud-config\npackages: [qemu-guest-agent]\n',
        osFamily: 'linux',
        osVersion: '40',
      };

      async function create(body: object = {}) {
        return api
          .as('platform-admin')
          .post(base)
          .send({ ...FEDORA, ...body });
      }

      it('creates drafts, unclassified by default, and reads them back', async () => {
        const created = await create();
        expect(created.status).toBe(201);
        expect(created.body).toEqual({
          item: expect.objectContaining({
            ...FEDORA,
            description: '',
            status: 'draft',
            catalogScope: 'unclassified',
            createdBy: 'user:default/platform-admin',
          }),
          warnings: [],
        });
        const id = created.body.item.id;
        expect(
          (await api.as('platform-admin').get(`${base}/${id}`)).body,
        ).toEqual(created.body.item);
        const drafts = await api
          .as('platform-admin')
          .get(`${base}?status=draft`);
        expect(drafts.body.items.map((t: any) => t.id)).toEqual([id]);
        expect(
          (await api.as('platform-admin').get(`${base}?catalogScope=all`)).body
            .items,
        ).toEqual([]);
        const [audit] = (
          await api.store.audit.list({
            offset: 0,
            limit: 1,
            resourceType: 'template',
          })
        ).items;
        expect(audit).toMatchObject({
          action: 'template.create',
          resourceId: id,
          details: {
            status: 'draft',
            catalogScope: 'unclassified',
            sourceType: 'containerdisk',
          },
        });
      });

      it.each([
        [{ cpuCores: 2 }, 'TEMPLATE_SPEC_VIOLATION'],
        [{ memoryGi: 4 }, 'TEMPLATE_SPEC_VIOLATION'],
        [{ diskGb: 20 }, 'TEMPLATE_SPEC_VIOLATION'],
        [{ gpus: [{ name: 'a10' }] }, 'TEMPLATE_SPEC_VIOLATION'],
        [{ hugepagesSize: '2Mi' }, 'TEMPLATE_SPEC_VIOLATION'],
        [{ instanceSizeId: 'x' }, 'TEMPLATE_SPEC_VIOLATION'],
        [{ labels: ['os:any'] }, 'VALIDATION_FAILED'],
        [{ status: 'archived' }, 'VALIDATION_FAILED'],
        [{ sourceType: 'iso' }, 'VALIDATION_FAILED'],
        [{ name: 'Fedora_40' }, 'NAME_INVALID'],
        [
          { imageUrl: 'https://example.com/fedora.qcow2' },
          'TEMPLATE_SOURCE_INVALID',
        ],
        [
          { sourceType: 'cdi_image_import', imageUrl: 'quay.io/x:1' },
          'TEMPLATE_SOURCE_INVALID',
        ],
        [
          {
            sourceType: 'cdi_pvc_clone',
            imageUrl: undefined,
            pvcName: 'golden',
          },
          'TEMPLATE_SOURCE_INVALID',
        ],
        [{ cloudInit: '#!/bin/bash\necho hi' }, 'CLOUD_INIT_INVALID'],
        [{ cloudInit: cloudInitOfBytes(2049) }, 'CLOUD_INIT_INVALID'],
        // Fewer than 2048 characters, more than 2048 bytes.
        [{ cloudInit: cloudInitOfBytes(3000, '€') }, 'CLOUD_INIT_INVALID'],
      ])('refuses %p with %p and writes nothing', async (body, code) => {
        const response = await create(body);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe(code);
        await expectNothingWritten('templates', 'template');
      });

      it('reports where cloud-init stops parsing', async () => {
        const response = await create({
          cloudInit: '#cloud-config\npackages:\n  - vim\nruncmd: [\n',
        });
        expect(response.body.error).toMatchObject({
          code: 'CLOUD_INIT_INVALID',
          details: { line: expect.any(Number), column: expect.any(Number) },
        });
        expect(response.body.error.message).toMatch(/line \d+, column \d+/);
      });

      it("keeps cloud-init within KubeVirt's 2048-byte inline limit", async () => {
        const atLimit = await create({
          cloudInit: cloudInitOfBytes(2048, '€'),
        });
        expect(atLimit.status).toBe(201);
        const id = atLimit.body.item.id;

        const tooLong = cloudInitOfBytes(2100, 'é');
        expect(tooLong.length).toBeLessThan(2048);
        const refused = await create({ name: 'too-long', cloudInit: tooLong });
        expect(refused.status).toBe(400);
        expect(refused.body.error).toMatchObject({
          code: 'CLOUD_INIT_INVALID',
          message:
            'The cloud-init user data has 2100 bytes; KubeVirt accepts at most 2048 bytes inline',
          details: { bytes: 2100, maxBytes: 2048 },
        });

        const as = api.as('platform-admin');
        const patched = await as
          .patch(`${base}/${id}`)
          .send({ cloudInit: cloudInitOfBytes(2049) });
        expect(patched.status).toBe(400);
        expect(patched.body.error.code).toBe('CLOUD_INIT_INVALID');
        expect(await api.store.templates.get(id)).toEqual(atLimit.body.item);
        expect(await auditActions('template')).toEqual(['template.create']);
      });

      it('lets templates saved before the cloud-init limit retire, not serve', async () => {
        const legacy = await api.fixtures.template({
          name: 'legacy',
          status: 'active',
          catalogScope: 'test',
          cloudInit: cloudInitOfBytes(4000),
        });
        const as = api.as('platform-admin');
        const patch = (body: object) =>
          as.patch(`${base}/${legacy.id}`).send(body);

        expect((await patch({ displayName: 'Legacy' })).status).toBe(200);
        expect((await patch({ status: 'deprecated' })).status).toBe(200);
        const reactivated = await patch({ status: 'active' });
        expect(reactivated.status).toBe(400);
        expect(reactivated.body.error.code).toBe('CLOUD_INIT_INVALID');
        const longer = await patch({ cloudInit: cloudInitOfBytes(4001) });
        expect(longer.body.error.code).toBe('CLOUD_INIT_INVALID');
        expect((await api.store.templates.get(legacy.id))?.status).toBe(
          'deprecated',
        );

        const fixed = await patch({
          status: 'active',
          cloudInit: FEDORA.cloudInit,
        });
        expect(fixed.status).toBe(200);
        expect((await patch({ status: 'deprecated' })).status).toBe(200);
        expect((await patch({ status: 'archived' })).status).toBe(200);
      });

      it('accepts every source type with its own fields', async () => {
        expect(
          (
            await create({
              name: 'rhel-import',
              sourceType: 'cdi_image_import',
              imageUrl: 'https://images.example.com/rhel9.qcow2',
            })
          ).status,
        ).toBe(201);
        const clone = await create({
          name: 'rhel-clone',
          sourceType: 'cdi_pvc_clone',
          imageUrl: undefined,
          pvcName: 'golden-rhel9',
          pvcNamespace: 'os-images',
          cloudInit: undefined,
        });
        expect(clone.status).toBe(201);
        expect(clone.body.item).not.toHaveProperty('imageUrl');
        expect(clone.body.item).not.toHaveProperty('cloudInit');
      });

      it('moves templates through their lifecycle and refuses other transitions', async () => {
        const id = (await create()).body.item.id;
        const as = api.as('platform-admin');
        const move = (status: string) =>
          as.patch(`${base}/${id}`).send({ status });

        expect((await move('deprecated')).body.error).toMatchObject({
          code: 'TEMPLATE_STATUS_TRANSITION_INVALID',
          details: {
            from: 'draft',
            to: 'deprecated',
            allowed: ['active', 'archived'],
          },
        });
        expect((await move('active')).body.status).toBe('active');
        const back = await move('draft');
        expect(back.status).toBe(409);
        expect(back.body.error.code).toBe('TEMPLATE_STATUS_TRANSITION_INVALID');
        expect((await move('deprecated')).body.status).toBe('deprecated');
        expect((await move('active')).body.status).toBe('active');
        expect((await move('deprecated')).body.status).toBe('deprecated');
        expect((await move('archived')).body.status).toBe('archived');
        expect((await move('active')).status).toBe(409);
        expect((await api.store.templates.get(id))?.status).toBe('archived');
        expect(await auditActions('template')).toEqual([
          'template.create',
          ...Array(5).fill('template.update'),
        ]);
      });

      it('changes the source with null clearing fields, audits cloud-init only as changed', async () => {
        const id = (await create()).body.item.id;
        const as = api.as('platform-admin');

        const halfway = await as.patch(`${base}/${id}`).send({
          sourceType: 'cdi_pvc_clone',
          pvcName: 'golden',
          pvcNamespace: 'os',
        });
        expect(halfway.body.error.code).toBe('TEMPLATE_SOURCE_INVALID');

        const switched = await as.patch(`${base}/${id}`).send({
          sourceType: 'cdi_pvc_clone',
          imageUrl: null,
          pvcName: 'golden',
          pvcNamespace: 'os',
          cloudInit:
            '#cloud-config\nchpasswd: {expire: false}\npassword: hunter2\n',
        });
        expect(switched.status).toBe(200);
        expect(switched.body).toMatchObject({
          sourceType: 'cdi_pvc_clone',
          pvcName: 'golden',
        });
        expect(switched.body).not.toHaveProperty('imageUrl');

        const update = (
          await api.store.audit.list({
            offset: 0,
            limit: 1,
            action: 'template.update',
          })
        ).items[0];
        expect(update.details).toMatchObject({
          changes: {
            sourceType: { from: 'containerdisk', to: 'cdi_pvc_clone' },
            imageUrl: { from: FEDORA.imageUrl, to: null },
            cloudInit: 'changed',
          },
        });
        expect(JSON.stringify(update)).not.toContain('hunter2');

        for (const [body, code] of [
          [{ name: 'renamed' }, 'VALIDATION_FAILED'],
          [{ cpuCores: 4 }, 'TEMPLATE_SPEC_VIOLATION'],
          [{ cloudInit: 'runcmd: []' }, 'CLOUD_INIT_INVALID'],
        ] as const) {
          const refused = await as.patch(`${base}/${id}`).send(body);
          expect(refused.status).toBe(400);
          expect(refused.body.error.code).toBe(code);
        }
        expect(await api.store.templates.get(id)).toEqual(switched.body);
      });

      it('deletes only templates that no VM and no request refers to', async () => {
        const usedByVm = (await create({ name: 'by-vm' })).body.item;
        const usedByTicket = (await create({ name: 'by-ticket' })).body.item;
        const unused = (await create({ name: 'unused' })).body.item;
        await api.fixtures.vm(service, { templateId: usedByVm.id });
        await ticketFor({
          status: 'REJECTED',
          requestSpec: { templateId: usedByTicket.id },
        });
        const as = api.as('platform-admin');

        for (const [template, details] of [
          [usedByVm, { vms: 1, tickets: 0 }],
          [usedByTicket, { vms: 0, tickets: 1 }],
        ] as const) {
          const refused = await as.delete(`${base}/${template.id}`);
          expect(refused.status).toBe(409);
          expect(refused.body.error).toMatchObject({
            code: 'DELETE_RESTRICTED',
            details,
          });
          expect(await api.store.templates.get(template.id)).toBeDefined();
        }
        await as.delete(`${base}/${unused.id}`).expect(204);
        expect((await as.get(`${base}/${unused.id}`)).status).toBe(404);
        expect(
          (await auditActions('template')).filter(a => a !== 'template.create'),
        ).toEqual(['template.delete']);
      });

      it('is for catalog managers only', async () => {
        const template = await api.fixtures.template();
        for (const persona of [...ADMIN_WRITE_REFUSED, 'approver']) {
          const as = api.as(persona);
          for (const response of [
            await as.get(base),
            await as.get(`${base}/${template.id}`),
            await as.post(base).send(FEDORA),
            await as
              .patch(`${base}/${template.id}`)
              .send({ status: 'deprecated' }),
            await as.delete(`${base}/${template.id}`),
          ]) {
            expect(response.status).toBe(403);
          }
        }
        expect((await api.anonymous().post(base).send(FEDORA)).status).toBe(
          401,
        );
        expect(await api.store.templates.get(template.id)).toEqual(template);
        expect(await auditActions('template')).toEqual([]);
      });
    });

    describe('instance sizes', () => {
      const base = '/v1/admin/instance-sizes';
      const MEDIUM = { name: 'medium', cpuCores: 2, memoryGi: 4, diskGb: 40 };

      async function create(body: object = {}) {
        return api
          .as('platform-admin')
          .post(base)
          .send({ ...MEDIUM, ...body });
      }

      it('creates sizes whose requests default to the limits, audited', async () => {
        const created = await create({ catalogScope: 'test' });
        expect(created.status).toBe(201);
        expect(created.body).toEqual({
          item: expect.objectContaining({
            ...MEDIUM,
            displayName: 'medium',
            catalogScope: 'test',
            enabled: true,
            sortOrder: 0,
            cpuRequest: 2,
            memoryRequestGi: 4,
            dedicatedCpu: false,
            requiresHugepages: false,
            specOverrides: {},
          }),
          warnings: [],
        });
        const id = created.body.item.id;
        expect(
          (await api.as('platform-admin').get(`${base}/${id}`)).body,
        ).toEqual(created.body.item);
        expect(
          (
            await api
              .as('platform-admin')
              .get(`${base}?enabled=true&catalogScope=test`)
          ).body.totalItems,
        ).toBe(1);
        expect(await auditActions('instance_size')).toEqual([
          'instance_size.create',
        ]);
      });

      it('warns about overcommit in sizes offered to production', async () => {
        const response = await create({
          catalogScope: 'all',
          cpuRequest: 1,
          memoryRequestGi: 2,
        });
        expect(response.status).toBe(201);
        expect(response.body.warnings).toEqual([
          expect.objectContaining({ code: 'OVERCOMMIT_IN_PROD' }),
        ]);
      });

      it.each([
        [{ cpuCores: 1.3 }, 'RESOURCE_STEP_INVALID'],
        [{ memoryGi: 0 }, 'RESOURCE_STEP_INVALID'],
        [{ diskGb: 10.5 }, 'RESOURCE_STEP_INVALID'],
        [{ cpuRequest: 4 }, 'RESOURCE_REQUEST_EXCEEDS_LIMIT'],
        [{ memoryRequestGi: 8 }, 'RESOURCE_REQUEST_EXCEEDS_LIMIT'],
        [{ dedicatedCpu: true, cpuRequest: 1 }, 'DEDICATED_CPU_OVERCOMMIT'],
        [
          { dedicatedCpu: true, memoryRequestGi: 2 },
          'DEDICATED_CPU_OVERCOMMIT',
        ],
        [{ requiresHugepages: true }, 'VALIDATION_FAILED'],
        [{ hugepagesSize: '2Mi' }, 'VALIDATION_FAILED'],
        [
          { requiresHugepages: true, hugepagesSize: '4Ki' },
          'VALIDATION_FAILED',
        ],
        [{ cpuCores: 100000 }, 'VALIDATION_FAILED'],
        [
          { specOverrides: { 'metadata.labels.x': 'y' } },
          'INVALID_SPEC_OVERRIDES',
        ],
        [
          { specOverrides: { 'spec.template.spec.volumes': [] } },
          'INVALID_SPEC_OVERRIDES',
        ],
        [
          { specOverrides: { 'spec.template.spec': { cloudInitNoCloud: {} } } },
          'INVALID_SPEC_OVERRIDES',
        ],
        [{ name: 'Medium' }, 'NAME_INVALID'],
        [{ gpu: true }, 'VALIDATION_FAILED'],
        // KubeVirt's admission rules.
        [{ dedicatedCpu: true, cpuCores: 1.5 }, 'RESOURCE_STEP_INVALID'],
        [
          { dedicatedCpu: true, cpuCores: 0.5, catalogScope: 'test' },
          'RESOURCE_STEP_INVALID',
        ],
        [
          { requiresHugepages: true, hugepagesSize: '1Gi', memoryGi: 2.5 },
          'RESOURCE_STEP_INVALID',
        ],
        [
          { requiresHugepages: true, hugepagesSize: '1Gi', memoryGi: 0.5 },
          'RESOURCE_STEP_INVALID',
        ],
        [
          {
            requiresHugepages: true,
            hugepagesSize: '1Gi',
            memoryRequestGi: 1.5,
          },
          'RESOURCE_STEP_INVALID',
        ],
        [{ specOverrides: { 'spec.running': true } }, 'INVALID_SPEC_OVERRIDES'],
        [
          { specOverrides: { 'spec.running': false }, enabled: false },
          'INVALID_SPEC_OVERRIDES',
        ],
        [
          {
            cpuCores: 1.5,
            specOverrides: {
              'spec.template.spec.domain.cpu.dedicatedCpuPlacement': true,
            },
          },
          'INVALID_SPEC_OVERRIDES',
        ],
        [
          {
            dedicatedCpu: true,
            specOverrides: {
              'spec.template.spec.domain.resources.requests.memory': '2Gi',
            },
          },
          'INVALID_SPEC_OVERRIDES',
        ],
        [
          {
            memoryGi: 2.5,
            specOverrides: {
              'spec.template.spec.domain.memory': {
                hugepages: { pageSize: '1Gi' },
              },
            },
          },
          'INVALID_SPEC_OVERRIDES',
        ],
      ])('refuses %p with %p and writes nothing', async (body, code) => {
        const response = await create(body);
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe(code);
        await expectNothingWritten('instance_sizes', 'instance_size');
      });

      it('names the KubeVirt limit a size breaks, with every finding', async () => {
        const dedicated = await create({ dedicatedCpu: true, cpuCores: 2.5 });
        expect(dedicated.status).toBe(400);
        expect(dedicated.body.error).toMatchObject({
          code: 'RESOURCE_STEP_INVALID',
          message:
            'Dedicated CPUs need whole cores, but the CPU request is 2.5; Dedicated CPUs need whole cores, but the CPU limit is 2.5',
          details: {
            violations: [
              expect.objectContaining({
                field: 'cpuRequest',
                rule: 'dedicatedCpuWholeCores',
              }),
              expect.objectContaining({
                field: 'cpuCores',
                rule: 'dedicatedCpuWholeCores',
              }),
            ],
          },
        });

        const hugepages = await create({
          requiresHugepages: true,
          hugepagesSize: '1Gi',
          memoryGi: 0.5,
        });
        expect(hugepages.body.error).toMatchObject({
          code: 'RESOURCE_STEP_INVALID',
          message:
            'The memory request 512Mi is smaller than the hugepages size 1Gi; KubeVirt backs memory with whole hugepages',
          details: { violations: [{ field: 'memoryRequestGi' }] },
        });

        const running = await create({
          specOverrides: { 'spec.running': true },
        });
        expect(running.body.error).toMatchObject({
          code: 'INVALID_SPEC_OVERRIDES',
          message:
            'The spec overrides give a VM that KubeVirt refuses: spec.running must not be set: Shepherd sets spec.runStrategy, and KubeVirt refuses both together',
          details: { violations: [{ field: 'specOverrides' }] },
        });
        await expectNothingWritten('instance_sizes', 'instance_size');
      });

      it('accepts what KubeVirt admits: whole dedicated cores, memory in whole hugepages', async () => {
        for (const body of [
          { name: 'pinned', dedicatedCpu: true, cpuCores: 3, memoryGi: 6.5 },
          {
            name: 'huge-2m',
            requiresHugepages: true,
            hugepagesSize: '2Mi',
            memoryGi: 0.5,
          },
          {
            name: 'huge-1g',
            requiresHugepages: true,
            hugepagesSize: '1Gi',
            memoryGi: 8,
            memoryRequestGi: 3,
          },
          {
            name: 'pinned-host',
            dedicatedCpu: true,
            specOverrides: {
              'spec.template.spec.domain.cpu.model': 'host-passthrough',
            },
          },
        ]) {
          const response = await create(body);
          expect(response.status).toBe(201);
        }
      });

      it('refuses changes that break KubeVirt rules, and writes nothing', async () => {
        const pinned = (await create({ dedicatedCpu: true })).body.item;
        const as = api.as('platform-admin');
        for (const [body, code] of [
          [{ cpuCores: 1.5 }, 'RESOURCE_STEP_INVALID'],
          [
            { requiresHugepages: true, hugepagesSize: '1Gi', memoryGi: 4.5 },
            'RESOURCE_STEP_INVALID',
          ],
          [
            { specOverrides: { 'spec.running': false } },
            'INVALID_SPEC_OVERRIDES',
          ],
          [
            {
              specOverrides: {
                'spec.template.spec.domain.resources.limits.cpu': '2500m',
              },
            },
            'INVALID_SPEC_OVERRIDES',
          ],
        ] as const) {
          const refused = await as.patch(`${base}/${pinned.id}`).send(body);
          expect(refused.status).toBe(400);
          expect(refused.body.error.code).toBe(code);
        }
        expect(await api.store.instanceSizes.get(pinned.id)).toEqual(pinned);
        expect(await auditActions('instance_size')).toEqual([
          'instance_size.create',
        ]);
      });

      it('lets sizes saved before the KubeVirt rules be disabled, not offered', async () => {
        const legacy = await api.fixtures.instanceSize({
          name: 'legacy',
          catalogScope: 'test',
          dedicatedCpu: true,
          cpuCores: 1.5,
          cpuRequest: 1.5,
        });
        const as = api.as('platform-admin');
        const patch = (body: object) =>
          as.patch(`${base}/${legacy.id}`).send(body);

        expect((await patch({ enabled: false })).status).toBe(200);
        expect((await patch({ description: 'Old pinned' })).status).toBe(200);
        const enabled = await patch({ enabled: true });
        expect(enabled.status).toBe(400);
        expect(enabled.body.error.code).toBe('RESOURCE_STEP_INVALID');
        const worse = await patch({ cpuCores: 2.5, cpuRequest: 2.5 });
        expect(worse.body.error.code).toBe('RESOURCE_STEP_INVALID');
        expect(await api.store.instanceSizes.get(legacy.id)).toMatchObject({
          enabled: false,
          cpuCores: 1.5,
        });

        const fixed = await patch({ enabled: true, cpuCores: 2 });
        expect(fixed.status).toBe(200);
        expect(fixed.body).toMatchObject({ cpuCores: 2, cpuRequest: 2 });
      });

      it('accepts hugepages with their size and valid spec overrides', async () => {
        const response = await create({
          requiresHugepages: true,
          hugepagesSize: '1Gi',
          dedicatedCpu: true,
          specOverrides: {
            'spec.template.spec.domain.cpu.model': 'host-passthrough',
          },
        });
        expect(response.status).toBe(201);
        expect(response.body.item).toMatchObject({
          hugepagesSize: '1Gi',
          specOverrides: {
            'spec.template.spec.domain.cpu.model': 'host-passthrough',
          },
        });
      });

      it('changes sizes, requests following their limits, and refuses broken shapes', async () => {
        const overcommitted = (await create({ name: 'burst', cpuRequest: 1 }))
          .body.item;
        const exact = (await create({ name: 'exact' })).body.item;
        const as = api.as('platform-admin');

        const grown = await as
          .patch(`${base}/${exact.id}`)
          .send({ cpuCores: 4, memoryGi: 8 });
        expect(grown.body).toMatchObject({
          cpuCores: 4,
          cpuRequest: 4,
          memoryRequestGi: 8,
        });
        const burst = await as
          .patch(`${base}/${overcommitted.id}`)
          .send({ cpuCores: 4 });
        expect(burst.body).toMatchObject({ cpuCores: 4, cpuRequest: 1 });

        const dedicated = await as
          .patch(`${base}/${overcommitted.id}`)
          .send({ dedicatedCpu: true, enabled: false });
        expect(dedicated.status).toBe(400);
        expect(dedicated.body.error.code).toBe('DEDICATED_CPU_OVERCOMMIT');
        expect(await api.store.instanceSizes.get(overcommitted.id)).toEqual(
          burst.body,
        );

        const hugepages = await as
          .patch(`${base}/${exact.id}`)
          .send({ requiresHugepages: true, hugepagesSize: '2Mi' });
        expect(hugepages.body.hugepagesSize).toBe('2Mi');
        const cleared = await as
          .patch(`${base}/${exact.id}`)
          .send({ requiresHugepages: false, hugepagesSize: null });
        expect(cleared.body).not.toHaveProperty('hugepagesSize');

        expect(
          (await as.patch(`${base}/${exact.id}`).send({ name: 'x' })).status,
        ).toBe(400);
        const update = (
          await api.store.audit.list({
            offset: 0,
            limit: 10,
            action: 'instance_size.update',
          })
        ).items.find(entry => entry.resourceId === overcommitted.id);
        expect(update?.details).toEqual({
          changes: { cpuCores: { from: 2, to: 4 } },
        });
      });

      it('deletes only sizes that no VM and no unfinished request uses', async () => {
        const size = (await create()).body.item;
        const as = api.as('platform-admin');
        const vm = await api.fixtures.vm(service, { instanceSizeId: size.id });
        const ticket = await ticketFor({
          status: 'APPROVED',
          requestSpec: { instanceSizeId: size.id },
        });

        const refused = await as.delete(`${base}/${size.id}`);
        expect(refused.status).toBe(409);
        expect(refused.body.error).toMatchObject({
          code: 'DELETE_RESTRICTED',
          details: { vms: 1, tickets: 1 },
        });
        await api.store.vms.delete(vm.id);
        await api
          .knex('tickets')
          .where({ id: ticket.id })
          .update({ status: 'SUCCESS' });
        await as.delete(`${base}/${size.id}`).expect(204);
        expect(await auditActions('instance_size')).toEqual([
          'instance_size.create',
          'instance_size.delete',
        ]);
      });

      it('is for catalog managers only', async () => {
        const size = await api.fixtures.instanceSize();
        for (const persona of [...ADMIN_WRITE_REFUSED, 'approver']) {
          const as = api.as(persona);
          for (const response of [
            await as.get(base),
            await as.get(`${base}/${size.id}`),
            await as.post(base).send(MEDIUM),
            await as.patch(`${base}/${size.id}`).send({ enabled: false }),
            await as.delete(`${base}/${size.id}`),
          ]) {
            expect(response.status).toBe(403);
          }
        }
        expect((await api.anonymous().get(base)).status).toBe(401);
        expect(await api.store.instanceSizes.get(size.id)).toEqual(size);
        expect(await auditActions('instance_size')).toEqual([]);
      });
    });

    it('refuses VM requests KubeVirt would refuse, from entries saved before its rules', async () => {
      const owned = await api.fixtures.service(
        await api.fixtures.system({
          members: [['group:default/team-payments', 'owner']],
        }),
      );
      await api.fixtures.namespace({ name: 'dev', environment: 'test' });
      const fedora = await api.fixtures.template({ name: 'fedora' });
      const legacyTemplate = await api.fixtures.template({
        name: 'legacy',
        cloudInit: cloudInitOfBytes(3000),
      });
      const pinned = await api.fixtures.instanceSize({
        name: 'pinned',
        dedicatedCpu: true,
      });
      const legacySize = await api.fixtures.instanceSize({
        name: 'legacy',
        dedicatedCpu: true,
        cpuCores: 1.5,
        cpuRequest: 1.5,
      });
      const request = (body: object) =>
        api
          .as('engineer-test')
          .post('/v1/vms/requests')
          .send({
            serviceId: owned.id,
            namespace: 'dev',
            templateId: fedora.id,
            instanceSizeId: pinned.id,
            reason: 'Load tests',
            ...body,
          });

      for (const [body, code, message] of [
        [
          { instanceSizeId: legacySize.id },
          'RESOURCE_STEP_INVALID',
          "With the instance size 'legacy', dedicated CPUs need whole cores, but the CPU request is 1.5",
        ],
        [
          { targetCpuCores: 2.5 },
          'RESOURCE_STEP_INVALID',
          "With the instance size 'pinned', dedicated CPUs need whole cores, but the CPU request is 2.5",
        ],
        [
          { templateId: legacyTemplate.id },
          'CLOUD_INIT_INVALID',
          "The template 'legacy' cannot serve new VMs: the cloud-init user data has 3000 bytes; KubeVirt accepts at most 2048 bytes inline",
        ],
      ] as const) {
        const refused = await request(body);
        expect(refused.status).toBe(400);
        expect(refused.body.error).toMatchObject({ code, message });
      }
      const [{ count }] = await api.knex('tickets').count({ count: '*' });
      expect(Number(count)).toBe(0);

      expect((await request({ targetCpuCores: 3 })).status).toBe(202);
    });

    describe('request catalog', () => {
      beforeEach(async () => {
        await api.fixtures.namespace({ name: 'dev', environment: 'test' });
        await api.fixtures.namespace({ name: 'live', environment: 'prod' });
        await api.fixtures.namespace({
          name: 'old',
          environment: 'test',
          enabled: false,
        });
        for (const [name, catalogScope, status] of [
          ['t-all', 'all', 'active'],
          ['t-test', 'test', 'active'],
          ['t-prod', 'prod', 'active'],
          ['t-unclassified', 'unclassified', 'active'],
          ['t-draft', 'all', 'draft'],
          ['t-deprecated', 'all', 'deprecated'],
        ] as const) {
          await api.fixtures.template({ name, catalogScope, status });
        }
        for (const [name, catalogScope, enabled] of [
          ['s-all', 'all', true],
          ['s-test', 'test', true],
          ['s-prod', 'prod', true],
          ['s-unclassified', 'unclassified', true],
          ['s-disabled', 'all', false],
        ] as const) {
          await api.fixtures.instanceSize({ name, catalogScope, enabled });
        }
      });

      async function names(persona: string, path: string) {
        const response = await api.as(persona).get(path);
        expect(response.status).toBe(200);
        return response.body.items
          .map((item: { name: string }) => item.name)
          .sort();
      }

      it('offers test engineers test namespaces and test or all scoped items only', async () => {
        expect(await names('engineer-test', '/v1/catalog/namespaces')).toEqual([
          'dev',
        ]);
        expect(await names('engineer-test', '/v1/catalog/templates')).toEqual([
          't-all',
          't-test',
        ]);
        expect(
          await names('engineer-test', '/v1/catalog/instance-sizes'),
        ).toEqual(['s-all', 's-test']);
        expect(
          await names('engineer-test', '/v1/catalog/templates?namespace=dev'),
        ).toEqual(['t-all', 't-test']);
        for (const namespace of ['live', 'old', 'nope']) {
          const hidden = await api
            .as('engineer-test')
            .get(`/v1/catalog/instance-sizes?namespace=${namespace}`);
          expect(hidden.status).toBe(404);
        }
      });

      it('offers production engineers both environments, narrowed by the chosen namespace', async () => {
        expect(await names('engineer-prod', '/v1/catalog/namespaces')).toEqual([
          'dev',
          'live',
        ]);
        expect(await names('engineer-prod', '/v1/catalog/templates')).toEqual([
          't-all',
          't-prod',
          't-test',
        ]);
        expect(
          await names('engineer-prod', '/v1/catalog/templates?namespace=live'),
        ).toEqual(['t-all', 't-prod']);
        expect(
          await names(
            'engineer-prod',
            '/v1/catalog/instance-sizes?namespace=live',
          ),
        ).toEqual(['s-all', 's-prod']);
        const page = await api
          .as('engineer-prod')
          .get('/v1/catalog/instance-sizes?limit=1&offset=1');
        expect(page.body).toMatchObject({ totalItems: 3, offset: 1, limit: 1 });
      });

      it('offers nothing without environments, and never unclassified items', async () => {
        expect(await names('outsider', '/v1/catalog/namespaces')).toEqual([]);
        for (const path of [
          '/v1/catalog/templates',
          '/v1/catalog/instance-sizes',
        ]) {
          const refused = await api.as('outsider').get(path);
          expect(refused.status).toBe(403);
          expect(refused.body.error.code).toBe('PERMISSION_DENIED');
          expect((await api.anonymous().get(path)).status).toBe(401);
        }
        expect(
          (await api.anonymous().get('/v1/catalog/namespaces')).status,
        ).toBe(401);
        expect(
          await names('platform-admin', '/v1/catalog/templates'),
        ).not.toContain('t-unclassified');

        await api.knex('namespaces').update({ enabled: false });
        expect(await names('platform-admin', '/v1/catalog/templates')).toEqual(
          [],
        );
      });

      it('rejects malformed paging', async () => {
        const response = await api
          .as('viewer')
          .get('/v1/catalog/templates?limit=abc');
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      });
    });
  });
});
