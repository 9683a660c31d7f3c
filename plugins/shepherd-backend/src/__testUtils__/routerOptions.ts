import { mockServices } from '@backstage/backend-test-utils';
import { ActorResolver } from '../routes/ActorResolver';
import { RouterOptions } from '../routes/createRouter';

/**
 * Router options whose services fail loudly when called, for tests that exercise only some
 * routes (or none, like the spec drift test).
 */
export function routerOptionsForTests(
  overrides: Partial<RouterOptions> = {},
): RouterOptions {
  const unused = new Proxy(
    {},
    {
      get: (_target, property) => () => {
        throw new Error(`Unexpected call of ${String(property)} in this test`);
      },
    },
  );
  return {
    httpAuth: mockServices.httpAuth(),
    logger: mockServices.logger.mock(),
    actors: new ActorResolver(mockServices.httpAuth(), mockServices.userInfo()),
    health: unused as RouterOptions['health'],
    systems: unused as RouterOptions['systems'],
    members: unused as RouterOptions['members'],
    services: unused as RouterOptions['services'],
    platform: unused as RouterOptions['platform'],
    audit: unused as RouterOptions['audit'],
    vms: unused as RouterOptions['vms'],
    tickets: unused as RouterOptions['tickets'],
    approvals: unused as RouterOptions['approvals'],
    consoleSessions: unused as RouterOptions['consoleSessions'],
    reconciler: unused as RouterOptions['reconciler'],
    adoption: unused as RouterOptions['adoption'],
    capabilities: unused as RouterOptions['capabilities'],
    ...overrides,
  };
}
