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
    });
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
