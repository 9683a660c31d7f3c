import { ConfigReader } from '@backstage/config';
import { DEFAULT_SCHEDULE, readProviderConfig } from './config';

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
});
