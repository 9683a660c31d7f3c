import {
  coreServices,
  createServiceFactory,
  RootHealthService,
  RootLifecycleService,
} from '@backstage/backend-plugin-api';
import {
  shepherdReadinessServiceRef,
  ShepherdReadinessService,
} from '@kubevirt-shepherd/plugin-shepherd-node';

type State = 'starting' | 'up' | 'stopping';

/**
 * The backend's health endpoints with Shepherd's readiness checks folded in: the instance is
 * ready once started, while not shutting down, and while Shepherd's job workers are alive, so
 * a load balancer stops sending work to an instance whose workers hang.
 */
export class ShepherdAwareRootHealth implements RootHealthService {
  #state: State = 'starting';

  constructor(
    lifecycle: RootLifecycleService,
    private readonly shepherd: ShepherdReadinessService,
  ) {
    lifecycle.addStartupHook(() => {
      this.#state = 'up';
    });
    lifecycle.addBeforeShutdownHook(() => {
      this.#state = 'stopping';
    });
  }

  async getLiveness() {
    return { status: 200, payload: { status: 'ok' } };
  }

  async getReadiness() {
    if (this.#state !== 'up') {
      return {
        status: 503,
        payload: {
          status: 'error',
          message:
            this.#state === 'starting'
              ? 'Backend has not started yet'
              : 'Backend is shutting down',
        },
      };
    }
    const shepherd = await this.shepherd.evaluate();
    if (!shepherd.ready) {
      return {
        status: 503,
        payload: {
          status: 'error',
          message: 'Shepherd is not ready',
          checks: shepherd.checks.map(check => ({ ...check })),
        },
      };
    }
    return { status: 200, payload: { status: 'ok' } };
  }
}

export const rootHealthWithShepherd = createServiceFactory({
  service: coreServices.rootHealth,
  deps: {
    lifecycle: coreServices.rootLifecycle,
    shepherd: shepherdReadinessServiceRef,
  },
  factory: ({ lifecycle, shepherd }) =>
    new ShepherdAwareRootHealth(lifecycle, shepherd),
});
