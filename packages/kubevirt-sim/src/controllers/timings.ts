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
