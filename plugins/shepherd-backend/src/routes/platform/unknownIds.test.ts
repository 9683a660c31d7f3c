import { describePlatformApi } from '../../__testUtils__/platformApi';

describe('Platform API: unknown ids', () => {
  describePlatformApi(api => {
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
