import { mockServices } from '@backstage/backend-test-utils';
import { randomUUID } from 'node:crypto';
import { describeShepherdApi } from '../__testUtils__/apiHarness';
import { AuditRecord, AuditRecorder } from '../service/audit/AuditRecorder';
import { REDACTED } from '../service/audit/redact';

describe('Audit log API', () => {
  describeShepherdApi({}, api => {
    /** Writes an entry the way use cases do, at the given time. */
    async function record(at: string, entry: Partial<AuditRecord> = {}) {
      const recorder = new AuditRecorder(
        mockServices.auditor.mock(),
        mockServices.logger.mock(),
        () => new Date(at),
      );
      return recorder.record(api.store, {
        action: 'cluster.register',
        actor: 'user:default/platform-admin',
        resourceType: 'cluster',
        resourceId: randomUUID(),
        ...entry,
      });
    }

    async function createSystem(persona: string, name: string) {
      const response = await api.as(persona).post('/v1/systems').send({ name });
      expect(response.status).toBe(201);
      return response.body.item;
    }

    it('lets viewers and platform admins read the audit trail, and nobody else', async () => {
      const system = await createSystem('engineer-test', 'shop');

      for (const persona of ['viewer', 'platform-admin']) {
        const list = await api.as(persona).get('/v1/audit-logs');
        expect(list.status).toBe(200);
        expect(list.body).toMatchObject({ totalItems: 1, offset: 0 });
        expect(list.body.items).toEqual([
          expect.objectContaining({
            action: 'system.create',
            outcome: 'success',
            actor: 'user:default/engineer-test',
            resourceType: 'system',
            resourceId: system.id,
            resourceName: 'shop',
          }),
        ]);
        const one = await api
          .as(persona)
          .get(`/v1/audit-logs/${list.body.items[0].id}`);
        expect(one.status).toBe(200);
        expect(one.body).toEqual(list.body.items[0]);
      }

      const [entry] = (await api.as('viewer').get('/v1/audit-logs')).body.items;
      for (const persona of ['engineer-test', 'approver', 'outsider']) {
        const list = await api.as(persona).get('/v1/audit-logs');
        expect(list.status).toBe(403);
        expect(list.body.error.code).toBe('PERMISSION_DENIED');
        const one = await api.as(persona).get(`/v1/audit-logs/${entry.id}`);
        expect(one.status).toBe(403);
        expect(one.body.error.code).toBe('PERMISSION_DENIED');
      }

      expect((await api.anonymous().get('/v1/audit-logs')).status).toBe(401);
      expect(
        (await api.anonymous().get(`/v1/audit-logs/${entry.id}`)).status,
      ).toBe(401);
    });

    it('answers 404 for ids that name no entry', async () => {
      for (const id of [randomUUID(), 'not-a-uuid']) {
        const response = await api.as('viewer').get(`/v1/audit-logs/${id}`);
        expect(response.status).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
    });

    it('filters by action, actor, resource, ticket and outcome', async () => {
      const shop = await createSystem('engineer-test', 'shop');
      await createSystem('platform-admin', 'infra');
      const cart = await api
        .as('engineer-test')
        .post(`/v1/systems/${shop.id}/services`)
        .send({ name: 'cart' });
      expect(cart.status).toBe(201);
      const ticketId = randomUUID();
      await record(new Date().toISOString(), {
        action: 'approval.approve',
        actor: 'user:default/approver',
        resourceType: 'ticket',
        resourceId: ticketId,
        ticketId,
        outcome: 'failure',
      });

      const names = async (query: string) => {
        const response = await api.as('viewer').get(`/v1/audit-logs?${query}`);
        expect([query, response.status, response.body.error]).toEqual([
          query,
          200,
          undefined,
        ]);
        expect(response.body.totalItems).toBe(response.body.items.length);
        return response.body.items
          .map((entry: { action: string; resourceName?: string }) =>
            [entry.action, entry.resourceName ?? '-'].join(' '),
          )
          .sort();
      };

      expect(await names('')).toEqual([
        'approval.approve -',
        'service.create cart',
        'system.create infra',
        'system.create shop',
      ]);
      expect(await names('action=system.create')).toEqual([
        'system.create infra',
        'system.create shop',
      ]);
      expect(await names('actor=user:default/engineer-test')).toEqual([
        'service.create cart',
        'system.create shop',
      ]);
      expect(
        await names(`actor=${encodeURIComponent('user:default/approver')}`),
      ).toEqual(['approval.approve -']);
      expect(await names('resourceType=service')).toEqual([
        'service.create cart',
      ]);
      expect(await names(`resourceType=system&resourceId=${shop.id}`)).toEqual([
        'system.create shop',
      ]);
      expect(await names(`ticketId=${ticketId}`)).toEqual([
        'approval.approve -',
      ]);
      expect(await names('outcome=failure')).toEqual(['approval.approve -']);
      expect(
        await names('outcome=success&actor=user:default/platform-admin'),
      ).toEqual(['system.create infra']);
      expect(await names('action=vm.request')).toEqual([]);

      const badOutcome = await api
        .as('viewer')
        .get('/v1/audit-logs?outcome=maybe');
      expect(badOutcome.status).toBe(400);
      expect(badOutcome.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('filters by time with RFC 3339 bounds in any offset: from inclusive, to exclusive', async () => {
      const first = await record('2026-01-01T10:00:00.000Z');
      const second = await record('2026-01-02T10:00:00.000Z');
      const third = await record('2026-01-03T10:00:00.000Z');

      const ids = async (query: string) => {
        const response = await api.as('viewer').get(`/v1/audit-logs?${query}`);
        expect([query, response.status, response.body.error]).toEqual([
          query,
          200,
          undefined,
        ]);
        return response.body.items.map((entry: { id: string }) => entry.id);
      };

      // 11:00 at +01:00 is 10:00 UTC: the second entry is at the bound and included.
      expect(
        await ids(`from=${encodeURIComponent('2026-01-02T11:00:00+01:00')}`),
      ).toEqual([third.id, second.id]);
      expect(await ids('to=2026-01-03T10:00:00Z')).toEqual([
        second.id,
        first.id,
      ]);
      expect(
        await ids('from=2026-01-01T10:00:00.001Z&to=2026-01-03t09:59:59z'),
      ).toEqual([second.id]);
      expect(
        await ids(`to=${encodeURIComponent('2026-01-01T05:00:00-05:00')}`),
      ).toEqual([]);

      for (const query of [
        'from=yesterday',
        'from=2026-01-02',
        'to=2026-01-02T10:00:00',
        'from=2026-02-30T00:00:00Z',
        'to=2026-01-02T24:00:00Z',
        `from=${encodeURIComponent('2026-01-02T10:00:00+24:00')}`,
        'from=2026-01-03T00:00:00Z&to=2026-01-02T00:00:00Z',
      ]) {
        const response = await api.as('viewer').get(`/v1/audit-logs?${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
    });

    it('pages newest first', async () => {
      const oldest = await record('2026-01-01T10:00:00.000Z');
      const middle = await record('2026-01-02T10:00:00.000Z');
      const newest = await record('2026-01-03T10:00:00.000Z');

      const first = await api.as('viewer').get('/v1/audit-logs?limit=2');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ totalItems: 3, offset: 0, limit: 2 });
      expect(first.body.items.map((e: { id: string }) => e.id)).toEqual([
        newest.id,
        middle.id,
      ]);

      const second = await api
        .as('viewer')
        .get('/v1/audit-logs?limit=2&offset=2');
      expect(second.body).toMatchObject({ totalItems: 3, offset: 2, limit: 2 });
      expect(second.body.items.map((e: { id: string }) => e.id)).toEqual([
        oldest.id,
      ]);

      for (const query of ['limit=0', 'limit=101', 'limit=ten', 'offset=-1']) {
        const response = await api.as('viewer').get(`/v1/audit-logs?${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect(response.body.error.code).toBe('VALIDATION_FAILED');
      }
    });

    describe('export', () => {
      const EXPORT = '/v1/audit-logs/export.csv';

      it('lets exactly those who may read the audit log export it', async () => {
        await createSystem('engineer-test', 'shop');

        for (const persona of ['viewer', 'platform-admin']) {
          const response = await api.as(persona).get(EXPORT);
          expect([persona, response.status]).toEqual([persona, 200]);
          expect(response.headers['content-type']).toBe(
            'text/csv; charset=utf-8',
          );
          expect(response.headers['content-disposition']).toBe(
            'attachment; filename="shepherd-audit-log.csv"',
          );
          expect(response.headers['x-shepherd-export-truncated']).toBe('false');
          expect(response.text.split('\r\n')).toEqual([
            expect.stringMatching(/^createdAt,action,outcome,actor,/),
            expect.stringMatching(
              /^[^,]+,system\.create,success,user:default\/engineer-test,system,/,
            ),
            '',
          ]);
        }

        for (const persona of ['engineer-test', 'approver', 'outsider']) {
          const response = await api.as(persona).get(EXPORT);
          expect([persona, response.status]).toEqual([persona, 403]);
          expect(response.body.error.code).toBe('PERMISSION_DENIED');
          expect(response.text).not.toMatch(/system\.create/);
        }
        expect((await api.anonymous().get(EXPORT)).status).toBe(401);
      });

      it('quotes as RFC 4180 says and defuses formulas', async () => {
        const entry = await record('2026-01-01T10:00:00.000Z', {
          actor: 'user:default/=evil',
          resourceName: 'edge, "north"\nrack 2',
          details: { reason: '@SUM(A1)' },
        });

        const response = await api.as('viewer').get(EXPORT);

        expect(response.status).toBe(200);
        expect(response.text).toContain(
          `2026-01-01T10:00:00.000Z,cluster.register,success,user:default/=evil,cluster,${entry.resourceId},"edge, ""north""\nrack 2",,,,,${entry.id},"{""reason"":""@SUM(A1)""}"\r\n`,
        );

        const formula = await record('2026-01-02T10:00:00.000Z', {
          actor: '=HYPERLINK("http://evil")',
          resourceName: '-1+2',
        });
        const lines = (await api.as('viewer').get(EXPORT)).text.split('\r\n');
        expect(lines[1]).toBe(
          `2026-01-02T10:00:00.000Z,cluster.register,success,"'=HYPERLINK(""http://evil"")",cluster,${formula.resourceId},'-1+2,,,,,${formula.id},`,
        );
      });

      it('exports what the filters of the audit search select, newest first', async () => {
        const first = await record('2026-01-01T10:00:00.000Z');
        const second = await record('2026-01-02T10:00:00.000Z', {
          outcome: 'failure',
        });
        const third = await record('2026-01-03T10:00:00.000Z');

        const idsOf = async (query: string) => {
          const response = await api.as('viewer').get(`${EXPORT}?${query}`);
          expect([query, response.status]).toEqual([query, 200]);
          return response.text
            .split('\r\n')
            .slice(1, -1)
            .map(line => line.split(',')[11]);
        };

        expect(await idsOf('')).toEqual([third.id, second.id, first.id]);
        expect(await idsOf('outcome=failure')).toEqual([second.id]);
        expect(await idsOf('from=2026-01-02T00:00:00Z')).toEqual([
          third.id,
          second.id,
        ]);
        expect(await idsOf('action=vm.request')).toEqual([]);

        for (const query of [
          'outcome=maybe',
          'from=yesterday',
          'from=2026-01-03T00:00:00Z&to=2026-01-02T00:00:00Z',
        ]) {
          const response = await api.as('viewer').get(`${EXPORT}?${query}`);
          expect([query, response.status]).toEqual([query, 400]);
          expect(response.body.error.code).toBe('VALIDATION_FAILED');
        }
      });
    });

    it('shows secrets recorded through AuditRecorder only redacted', async () => {
      const entry = await record('2026-01-01T10:00:00.000Z', {
        details: {
          name: 'edge-1',
          kubeconfig: 'apiVersion: v1\nusers: [{user: {token: s3cr3t-a}}]',
          credentials: { username: 'shepherd', password: 's3cr3t-b' },
          endpoints: [{ url: 'https://edge-1:6443', apiKey: 's3cr3t-c' }],
          private_key: 's3cr3t-d',
        },
      });

      const response = await api
        .as('platform-admin')
        .get(`/v1/audit-logs/${entry.id}`);
      expect(response.status).toBe(200);
      expect(response.body.details).toEqual({
        name: 'edge-1',
        kubeconfig: REDACTED,
        credentials: REDACTED,
        endpoints: [{ url: 'https://edge-1:6443', apiKey: REDACTED }],
        private_key: REDACTED,
      });
      const list = await api.as('viewer').get('/v1/audit-logs');
      expect(JSON.stringify(list.body)).not.toMatch(/s3cr3t/);
      const [row] = await api.knex('audit_logs').where({ id: entry.id });
      expect(String(row.details)).not.toMatch(/s3cr3t/);
    });
  });
});
