import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';

/** The outcome of one readiness check. @public */
export interface ShepherdReadinessResult {
  name: string;
  ready: boolean;
  message?: string;
}

/** A check Shepherd runs to tell whether this backend instance can do its work. @public */
export interface ShepherdReadinessCheck {
  name: string;
  check(): Promise<Omit<ShepherdReadinessResult, 'name'>>;
}

/**
 * Readiness checks of Shepherd (such as "the job workers are alive"), for the backend's
 * readiness endpoint. A backend wires them into `coreServices.rootHealth`; the demo backend
 * shows how.
 *
 * @public
 */
export interface ShepherdReadinessService {
  addCheck(check: ShepherdReadinessCheck): void;
  evaluate(): Promise<{ ready: boolean; checks: ShepherdReadinessResult[] }>;
}

class DefaultShepherdReadinessService implements ShepherdReadinessService {
  readonly #checks: ShepherdReadinessCheck[] = [];

  addCheck(check: ShepherdReadinessCheck) {
    this.#checks.push(check);
  }

  async evaluate() {
    const checks = await Promise.all(
      this.#checks.map(async ({ name, check }) => {
        try {
          return { name, ...(await check()) };
        } catch (error) {
          return { name, ready: false, message: String(error) };
        }
      }),
    );
    return { ready: checks.every(c => c.ready), checks };
  }
}

/** @public */
export const shepherdReadinessServiceRef =
  createServiceRef<ShepherdReadinessService>({
    id: 'shepherd.readiness',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {},
        factory: () => new DefaultShepherdReadinessService(),
      }),
  });
