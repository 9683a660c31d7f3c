/** How long each simulated phase lasts, in milliseconds of the simulator's clock. */
export interface PhaseTimings {
  /** DataVolume Pending → ImportScheduled/CloneScheduled → …InProgress. */
  dataVolumeScheduling: number;
  /** DataVolume …InProgress from 0 % to Succeeded. */
  dataVolumeImport: number;
  /** How many progress updates an import reports on its way to 100 %. */
  dataVolumeProgressSteps: number;
  /** VMI Scheduling → Scheduled (the launcher pod gets a node). */
  vmiScheduling: number;
  /** VMI Scheduled → Running (the guest boots). */
  vmiBooting: number;
  /** VMI deleted → gone (graceful guest shutdown). */
  vmiStopping: number;
  /** VirtualMachineInstanceMigration Running → Succeeded (the guest's memory is copied). */
  migration: number;
  /** VirtualMachine deleted, VMI gone → VirtualMachine gone. */
  vmTerminating: number;
  /** Namespace deleted, content gone → namespace gone. */
  namespaceTerminating: number;
}

/** Every transition happens right after the write that causes it. */
export const INSTANT_TIMINGS: PhaseTimings = {
  dataVolumeScheduling: 0,
  dataVolumeImport: 0,
  dataVolumeProgressSteps: 4,
  vmiScheduling: 0,
  vmiBooting: 0,
  vmiStopping: 0,
  migration: 0,
  vmTerminating: 0,
  namespaceTerminating: 0,
};

/** A few seconds per phase: slow enough to watch in the demo portal, fast enough to wait for. */
export const REALISTIC_TIMINGS: PhaseTimings = {
  dataVolumeScheduling: 2000,
  dataVolumeImport: 8000,
  dataVolumeProgressSteps: 8,
  vmiScheduling: 2000,
  vmiBooting: 4000,
  vmiStopping: 3000,
  migration: 5000,
  vmTerminating: 1000,
  namespaceTerminating: 1000,
};

export type TimingOption = 'instant' | 'realistic' | Partial<PhaseTimings>;

/** Custom timings start from the realistic ones: name only the phases you want to change. */
export function resolveTimings(option: TimingOption | undefined): PhaseTimings {
  if (option === undefined || option === 'instant')
    return { ...INSTANT_TIMINGS };
  if (option === 'realistic') return { ...REALISTIC_TIMINGS };
  const timings = { ...REALISTIC_TIMINGS, ...option };
  for (const [key, value] of Object.entries(timings)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(
        `timing.${key} must be a non-negative number of milliseconds`,
      );
    }
  }
  timings.dataVolumeProgressSteps = Math.max(
    1,
    Math.round(timings.dataVolumeProgressSteps),
  );
  return timings;
}

/**
 * How often a watch with `allowWatchBookmarks=true` gets a BOOKMARK, by timing profile:
 * often enough with instant timings that tests see bookmarks without waiting, every few
 * seconds otherwise (the apiserver sends them about once a minute; the demo's is shorter
 * so that a client's resourceVersion follows the cluster closely).
 */
export const WATCH_BOOKMARK_INTERVALS = {
  instant: 100,
  realistic: 5000,
} as const;

/** Bookmark intervals are wall-clock timers, which Node caps at about 24.8 days. */
export const MAX_WATCH_BOOKMARK_INTERVAL_MS = 24 * 3600 * 1000;

export function resolveBookmarkInterval(
  timing: TimingOption | undefined,
  explicitMs: number | undefined,
): number {
  if (explicitMs !== undefined) {
    if (
      !Number.isFinite(explicitMs) ||
      explicitMs < 1 ||
      explicitMs > MAX_WATCH_BOOKMARK_INTERVAL_MS
    ) {
      throw new Error(
        `watch.bookmarkIntervalMs must be between 1 and ${MAX_WATCH_BOOKMARK_INTERVAL_MS} milliseconds`,
      );
    }
    return explicitMs;
  }
  return timing === undefined || timing === 'instant'
    ? WATCH_BOOKMARK_INTERVALS.instant
    : WATCH_BOOKMARK_INTERVALS.realistic;
}
