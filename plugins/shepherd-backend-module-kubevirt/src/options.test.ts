import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_KUBEVIRT_PROVIDER_OPTIONS,
  readKubeVirtProviderOptions,
} from './options';

describe('readKubeVirtProviderOptions', () => {
  it('uses the defaults when nothing is configured', () => {
    expect(readKubeVirtProviderOptions(new ConfigReader({}))).toEqual(
      DEFAULT_KUBEVIRT_PROVIDER_OPTIONS,
    );
    expect(DEFAULT_KUBEVIRT_PROVIDER_OPTIONS).toMatchObject({
      breakerFailureThreshold: 5,
      breakerOpenDurationMs: 60_000,
    });
  });

  it('reads durations as strings or objects', () => {
    const options = readKubeVirtProviderOptions(
      new ConfigReader({
        shepherd: {
          providers: {
            kubevirt: {
              requestTimeout: '3s',
              maxConcurrentRequestsPerCluster: 2,
              circuitBreaker: {
                failureThreshold: 3,
                openDuration: { minutes: 2 },
              },
            },
          },
        },
      }),
    );
    expect(options).toEqual({
      requestTimeoutMs: 3000,
      maxConcurrentRequestsPerCluster: 2,
      breakerFailureThreshold: 3,
      breakerOpenDurationMs: 120_000,
      watchRetryInitialMs: 500,
      watchRetryMaxMs: 30_000,
      maxObjectResponseBytes: 4 * 1024 * 1024,
      maxListResponseBytes: 64 * 1024 * 1024,
    });
  });

  const withLimits = (responseLimits: object) =>
    new ConfigReader({
      shepherd: { providers: { kubevirt: { responseLimits } } },
    });

  it('reads the response limits, within their bounds', () => {
    expect(
      readKubeVirtProviderOptions(
        withLimits({ objectBytes: 8_388_608, listBytes: 134_217_728 }),
      ),
    ).toMatchObject({
      maxObjectResponseBytes: 8_388_608,
      maxListResponseBytes: 134_217_728,
    });
    expect(() =>
      readKubeVirtProviderOptions(withLimits({ objectBytes: 2 ** 30 })),
    ).toThrow(/responseLimits.objectBytes must be at most 67108864/);
    expect(() =>
      readKubeVirtProviderOptions(withLimits({ listBytes: 2 ** 31 })),
    ).toThrow(/responseLimits.listBytes must be at most 1073741824/);
    expect(() =>
      readKubeVirtProviderOptions(
        withLimits({ objectBytes: 8_388_608, listBytes: 4_194_304 }),
      ),
    ).toThrow(/listBytes must be at least responseLimits.objectBytes/);
  });

  it('rejects a concurrency below one', () => {
    expect(() =>
      readKubeVirtProviderOptions(
        new ConfigReader({
          shepherd: {
            providers: { kubevirt: { maxConcurrentRequestsPerCluster: 0 } },
          },
        }),
      ),
    ).toThrow(/must be a positive integer/);
  });
});
