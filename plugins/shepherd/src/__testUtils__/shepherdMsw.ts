import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { ShepherdClient } from '../api/ShepherdClient';

/** Where tests' ShepherdClients send their requests: the backend's base URL by discovery. */
export const SHEPHERD_TEST_BASE_URL = 'http://localhost:7007/api/shepherd';

/** The absolute URL of an API path, e.g. `shepherdUrl('/v1/vms')`, for msw handlers. */
export function shepherdUrl(path: string): string {
  return `${SHEPHERD_TEST_BASE_URL}${path}`;
}

/**
 * An msw server for the tests of the calling file, started before and closed after them,
 * failing any request that no handler answers. Add handlers per test with `server.use`.
 */
export function setupShepherdMswServer() {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/** A real ShepherdClient that talks to `SHEPHERD_TEST_BASE_URL` (answered by msw). */
export function createTestShepherdClient(): ShepherdClient {
  return new ShepherdClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  });
}
