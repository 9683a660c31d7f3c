import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import type { ResponseLimits } from './client/kubeHttp';

const MIB = 1024 * 1024;

/** Tuning of the KubeVirt provider's cluster clients. @public */
export interface KubeVirtProviderOptions {
  /** Timeout of one request to a cluster's API server. */
  requestTimeoutMs: number;
  /** Requests that may run at once against one cluster. */
  maxConcurrentRequestsPerCluster: number;
  /** Consecutive failures that open a cluster's circuit. */
  breakerFailureThreshold: number;
  /** How long an open circuit fails calls fast. */
  breakerOpenDurationMs: number;
  /** A VM watch's wait after its first consecutive failure; it doubles from there. */
  watchRetryInitialMs: number;
  /** The longest a VM watch waits before it tries again. */
  watchRetryMaxMs: number;
  /**
   * The most Shepherd reads of one answer that carries a single object (a get, a write's
   * answer, one watch event); a larger answer is cut off and fails.
   */
  maxObjectResponseBytes: number;
  /** The most Shepherd reads of one page of a list; a larger page is cut off and fails. */
  maxListResponseBytes: number;
}

/** @public */
export const DEFAULT_KUBEVIRT_PROVIDER_OPTIONS: Readonly<KubeVirtProviderOptions> =
  {
    // Long enough for an apply through admission webhooks, short enough that a dead
    // cluster does not hold a worker for long.
    requestTimeoutMs: 10_000,
    // A status sync of many VMs stays well inside an API server's default
    // max-requests-inflight (400) even with several backend replicas.
    maxConcurrentRequestsPerCluster: 8,
    breakerFailureThreshold: 5,
    breakerOpenDurationMs: 60_000,
    // Reconnects fast after a blip, and never waits more than half a minute once a cluster
    // is back (the breaker's open period can add to that).
    watchRetryInitialMs: 500,
    watchRetryMaxMs: 30_000,
    // etcd stores at most 1.5 MiB per object and the API server refuses request bodies over
    // 3 MiB, so no object it serves comes near 4 MiB as JSON.
    maxObjectResponseBytes: 4 * MIB,
    // Lists are read in pages of 500 objects; a VirtualMachine is 5-20 KiB, so 64 MiB holds
    // a page of objects several times the usual size, and bounds what one call can hold in
    // memory (times the per-cluster concurrency limit).
    maxListResponseBytes: 64 * MIB,
  };

/** The response limits of a tuning, as the cluster clients apply them. */
export function responseLimitsOf(
  options: Pick<
    KubeVirtProviderOptions,
    'maxObjectResponseBytes' | 'maxListResponseBytes'
  >,
): ResponseLimits {
  return {
    objectBytes: options.maxObjectResponseBytes,
    listBytes: options.maxListResponseBytes,
  };
}

/** Upper bounds of the response limits: beyond them one call could exhaust the backend. */
export const MAX_OBJECT_RESPONSE_BYTES = 64 * MIB;
export const MAX_LIST_RESPONSE_BYTES = 1024 * MIB;

/** Upper bound of a VM watch's retry delays: a watch must come back within minutes. */
export const MAX_WATCH_RETRY_MS = 5 * 60_000;

export const CONFIG_KEY = 'shepherd.providers.kubevirt';

function positiveInteger(
  config: Config,
  key: string,
  fallback: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `${CONFIG_KEY}.${key} must be a positive integer, got ${value}`,
    );
  }
  if (value > max) {
    throw new Error(`${CONFIG_KEY}.${key} must be at most ${max}`);
  }
  return value;
}

function duration(
  config: Config,
  key: string,
  fallback: number,
  maxMs: number = Number.POSITIVE_INFINITY,
): number {
  if (!config.has(key)) return fallback;
  const ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (!(ms > 0)) {
    throw new Error(`${CONFIG_KEY}.${key} must be a positive duration`);
  }
  if (ms > maxMs) {
    throw new Error(`${CONFIG_KEY}.${key} must be at most ${maxMs} ms`);
  }
  return ms;
}

/** Reads `shepherd.providers.kubevirt` with the defaults for what is not set. */
export function readKubeVirtProviderOptions(
  rootConfig: Config,
): KubeVirtProviderOptions {
  const config = rootConfig.getOptionalConfig(CONFIG_KEY);
  const defaults = DEFAULT_KUBEVIRT_PROVIDER_OPTIONS;
  if (!config) return { ...defaults };
  const maxObjectResponseBytes = positiveInteger(
    config,
    'responseLimits.objectBytes',
    defaults.maxObjectResponseBytes,
    MAX_OBJECT_RESPONSE_BYTES,
  );
  const maxListResponseBytes = positiveInteger(
    config,
    'responseLimits.listBytes',
    Math.max(defaults.maxListResponseBytes, maxObjectResponseBytes),
    MAX_LIST_RESPONSE_BYTES,
  );
  // A list of one object must be readable wherever the object is.
  if (maxListResponseBytes < maxObjectResponseBytes) {
    throw new Error(
      `${CONFIG_KEY}.responseLimits.listBytes must be at least responseLimits.objectBytes`,
    );
  }
  return {
    maxObjectResponseBytes,
    maxListResponseBytes,
    requestTimeoutMs: duration(
      config,
      'requestTimeout',
      defaults.requestTimeoutMs,
    ),
    maxConcurrentRequestsPerCluster: positiveInteger(
      config,
      'maxConcurrentRequestsPerCluster',
      defaults.maxConcurrentRequestsPerCluster,
    ),
    breakerFailureThreshold: positiveInteger(
      config,
      'circuitBreaker.failureThreshold',
      defaults.breakerFailureThreshold,
    ),
    breakerOpenDurationMs: duration(
      config,
      'circuitBreaker.openDuration',
      defaults.breakerOpenDurationMs,
    ),
    watchRetryInitialMs: duration(
      config,
      'watch.retryInitialDelay',
      defaults.watchRetryInitialMs,
      MAX_WATCH_RETRY_MS,
    ),
    watchRetryMaxMs: duration(
      config,
      'watch.retryMaxDelay',
      defaults.watchRetryMaxMs,
      MAX_WATCH_RETRY_MS,
    ),
  };
}
