/*
 * How much the spec fuzzer runs. `npm test` runs the short version: a fixed seed and a few
 * inputs per operation. `yarn fuzz` (scripts/fuzz.mjs) runs the long one through the same
 * test, with these variables set: more inputs and a random seed, printed so that a failure
 * reproduces with `yarn fuzz --seed <seed> --runs <runs>`.
 */

/** The seed of the short version, so that `npm test` sends the same requests every time. */
export const SHORT_RUN_SEED = 20261207;

/** Inputs per operation of the short version (each sent as every caller). */
export const SHORT_RUN_INPUTS = 4;

function integerFrom(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${name} must be an integer, got '${text}'`);
  }
  return value;
}

export function readFuzzSettings() {
  const only = process.env.SHEPHERD_FUZZ_OPERATIONS;
  return {
    seed: integerFrom('SHEPHERD_FUZZ_SEED') ?? SHORT_RUN_SEED,
    runs: integerFrom('SHEPHERD_FUZZ_RUNS') ?? SHORT_RUN_INPUTS,
    /** Only these operations (comma-separated operationIds), to chase one finding. */
    operations: only
      ? new Set(only.split(',').map(id => id.trim()))
      : undefined,
    /** Whether the run is the long one, which may take as long as it needs. */
    long: process.env.SHEPHERD_FUZZ_RUNS !== undefined,
    /** Whether each operation is announced as its turn comes (the long run does). */
    progress: process.env.SHEPHERD_FUZZ_PROGRESS === '1',
  };
}

/** A seed of its own for each operation, so that adding an operation changes no other's inputs. */
export function operationSeed(seed: number, operationId: string): number {
  let hash = seed | 0;
  for (const char of operationId) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  }
  return hash | 0;
}
