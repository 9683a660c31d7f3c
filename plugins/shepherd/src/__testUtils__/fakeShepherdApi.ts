import { ShepherdApi } from '../api/ShepherdApi';
import { ShepherdClient } from '../api/ShepherdClient';

/** A ShepherdApi whose every method is a jest mock. */
export type FakeShepherdApi = jest.Mocked<ShepherdApi>;

/**
 * Every method of the API, read from the client so that a method added to the client is
 * faked too.
 */
export const API_METHOD_NAMES = Object.getOwnPropertyNames(
  ShepherdClient.prototype,
).filter(name => name !== 'constructor') as Array<keyof ShepherdApi>;

/**
 * A ShepherdApi for component tests: the given stubs answer, every other method rejects
 * with an error that names it, so a test that forgot a stub fails loudly instead of hanging.
 */
export function createFakeShepherdApi(
  stubs: Partial<ShepherdApi> = {},
): FakeShepherdApi {
  const fake: Record<string, jest.Mock> = {};
  for (const name of API_METHOD_NAMES) {
    const stub = stubs[name] as ((...args: unknown[]) => unknown) | undefined;
    fake[name] = jest.fn(
      stub ??
        (() =>
          Promise.reject(
            new Error(
              `ShepherdApi.${name} was called but the test did not stub it`,
            ),
          )),
    );
  }
  return fake as unknown as FakeShepherdApi;
}
