import { JsonValue } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_SCHEDULE,
  readProviderConfig,
} from './config';

const APP = { app: { baseUrl: 'http://portal.test/' } };

describe('readProviderConfig', () => {
  it('has defaults for every key', () => {
    expect(readProviderConfig(new ConfigReader(APP))).toEqual({
      mapping: {
        namespace: 'default',
        lifecycle: 'production',
        shepherdUrl: 'http://portal.test/shepherd',
      },
      schedule: DEFAULT_SCHEDULE,
      requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    });
  });

  it('reads catalog.providers.shepherd', () => {
    const config = new ConfigReader({
      ...APP,
      catalog: {
        providers: {
          shepherd: {
            namespace: 'vms',
            lifecycle: 'experimental',
            pagePath: '/governance/vms/',
            schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
            requestTimeout: '10s',
          },
        },
      },
    });

    expect(readProviderConfig(config)).toEqual({
      mapping: {
        namespace: 'vms',
        lifecycle: 'experimental',
        shepherdUrl: 'http://portal.test/governance/vms',
      },
      schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
      requestTimeoutMs: 10_000,
    });
  });

  it('links to the app root when the Shepherd page is mounted there', () => {
    const config = new ConfigReader({
      ...APP,
      catalog: { providers: { shepherd: { pagePath: '/' } } },
    });

    expect(readProviderConfig(config).mapping.shepherdUrl).toBe(
      'http://portal.test',
    );
  });

  it('refuses a namespace the catalog would not accept', () => {
    const config = new ConfigReader({
      ...APP,
      catalog: { providers: { shepherd: { namespace: 'Not Valid' } } },
    });

    expect(() => readProviderConfig(config)).toThrow(
      "catalog.providers.shepherd.namespace 'Not Valid' is not a valid catalog namespace",
    );
  });

  it('reads the request timeout as a duration object too, and refuses one that is not positive', () => {
    const withTimeout = (requestTimeout: JsonValue) =>
      new ConfigReader({
        ...APP,
        catalog: { providers: { shepherd: { requestTimeout } } },
      });

    expect(
      readProviderConfig(withTimeout({ minutes: 1 })).requestTimeoutMs,
    ).toBe(60_000);
    expect(() => readProviderConfig(withTimeout({ seconds: 0 }))).toThrow(
      'catalog.providers.shepherd.requestTimeout must be a positive duration',
    );
  });
});
