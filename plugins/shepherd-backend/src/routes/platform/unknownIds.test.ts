import { ShepherdApi } from '../../__testUtils__/apiHarness';
import { startPlatformApi } from '../../__testUtils__/platformApi';
import { createTestDatabases } from '../../__testUtils__/testDatabases';

jest.setTimeout(60_000);

describe('Platform API: unknown ids', () => {
  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let api: ShepherdApi;

    beforeEach(async () => {
      ({ api } = await startPlatformApi(databases, databaseId));
    });

    afterEach(async () => {
      await api.backend.stop();
    });

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
  });
});
