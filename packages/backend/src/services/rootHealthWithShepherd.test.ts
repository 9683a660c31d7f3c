import { mockServices } from '@backstage/backend-test-utils';
import { ShepherdReadinessResult } from '@kubevirt-shepherd/plugin-shepherd-node';
import { ShepherdAwareRootHealth } from './rootHealthWithShepherd';

describe('ShepherdAwareRootHealth', () => {
  function setUp(checks: ShepherdReadinessResult[]) {
    const hooks: Record<string, () => void> = {};
    const lifecycle = mockServices.rootLifecycle.mock({
      addStartupHook: hook => {
        hooks.startup = hook as () => void;
      },
      addBeforeShutdownHook: hook => {
        hooks.beforeShutdown = hook as () => void;
      },
    });
    const health = new ShepherdAwareRootHealth(lifecycle, {
      addCheck: () => {},
      evaluate: async () => ({ ready: checks.every(c => c.ready), checks }),
    });
    return { health, hooks };
  }

  it('is ready once started and while Shepherd is ready', async () => {
    const { health, hooks } = setUp([
      { name: 'shepherd-job-worker', ready: true },
    ]);
    expect((await health.getReadiness()).status).toBe(503);
    hooks.startup();
    expect(await health.getReadiness()).toEqual({
      status: 200,
      payload: { status: 'ok' },
    });
    hooks.beforeShutdown();
    expect((await health.getReadiness()).status).toBe(503);
    expect((await health.getLiveness()).status).toBe(200);
  });

  it('is not ready while Shepherd job workers are stalled', async () => {
    const { health, hooks } = setUp([
      { name: 'shepherd-job-worker', ready: false, message: 'stalled' },
    ]);
    hooks.startup();
    expect(await health.getReadiness()).toEqual({
      status: 503,
      payload: {
        status: 'error',
        message: 'Shepherd is not ready',
        checks: [
          { name: 'shepherd-job-worker', ready: false, message: 'stalled' },
        ],
      },
    });
  });
});
