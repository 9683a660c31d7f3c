import { Config } from '@backstage/config';
import {
  DEFAULT_POLL_INTERVALS,
  StatusPollIntervals,
} from '../periodic/VmStatusSync';

/** How the VM watches run (`shepherd.vmState.watch`). */
export interface VmWatchOptions {
  /** Whether VMs of clusters whose provider can watch are watched; otherwise they are polled. */
  enabled: boolean;
  /** How often each watch lists everything again, as a safety net. */
  resyncIntervalMs: number;
  /** How long a replica's lease on a cluster's watch lasts without renewal. */
  leaseDurationMs: number;
}

export const DEFAULT_VM_WATCH_OPTIONS: Readonly<VmWatchOptions> = {
  enabled: true,
  resyncIntervalMs: 15 * 60_000,
  leaseDurationMs: 30_000,
};

const CONFIG_KEY = 'shepherd.vmState';

/** A number of `unit`s from the config, within bounds; the default when it is not set. */
function bounded(
  config: Config | undefined,
  key: string,
  bounds: { min: number; max: number; fallback: number; unitMs: number },
): number {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) return bounds.fallback;
  if (!Number.isFinite(value) || value < bounds.min || value > bounds.max) {
    throw new Error(
      `${CONFIG_KEY}.${key} must be a number from ${bounds.min} to ${bounds.max}, got ${value}`,
    );
  }
  return value * bounds.unitMs;
}

/**
 * Reads `shepherd.vmState`: the watches (`watch.enabled`, `watch.resyncIntervalMinutes` 1–1440,
 * `watch.leaseSeconds` 5–300) and the status poll of clusters that are not watched
 * (`poll.transitionalIntervalSeconds` 5–600, `poll.stableIntervalMinutes` 1–1440).
 */
export function readVmStateOptions(rootConfig: Config): {
  watch: VmWatchOptions;
  poll: StatusPollIntervals;
} {
  const config = rootConfig.getOptionalConfig(CONFIG_KEY);
  const watch = config?.getOptionalConfig('watch');
  const poll = config?.getOptionalConfig('poll');
  return {
    watch: {
      enabled:
        watch?.getOptionalBoolean('enabled') ??
        DEFAULT_VM_WATCH_OPTIONS.enabled,
      resyncIntervalMs: bounded(watch, 'resyncIntervalMinutes', {
        min: 1,
        max: 1440,
        fallback: DEFAULT_VM_WATCH_OPTIONS.resyncIntervalMs,
        unitMs: 60_000,
      }),
      leaseDurationMs: bounded(watch, 'leaseSeconds', {
        min: 5,
        max: 300,
        fallback: DEFAULT_VM_WATCH_OPTIONS.leaseDurationMs,
        unitMs: 1000,
      }),
    },
    poll: {
      transitionalMs: bounded(poll, 'transitionalIntervalSeconds', {
        min: 5,
        max: 600,
        fallback: DEFAULT_POLL_INTERVALS.transitionalMs,
        unitMs: 1000,
      }),
      stableMs: bounded(poll, 'stableIntervalMinutes', {
        min: 1,
        max: 1440,
        fallback: DEFAULT_POLL_INTERVALS.stableMs,
        unitMs: 60_000,
      }),
    },
  };
}
