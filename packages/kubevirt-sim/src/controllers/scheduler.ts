/** `real` follows the wall clock; `manual` only moves when a test says so. */
export type ClockMode = 'real' | 'manual';

/** The simulator's time, as tests see it (`sim.clock`). */
export interface SimulatorClock {
  readonly mode: ClockMode;
  /** Milliseconds since the epoch on the simulator's clock. */
  now(): number;
  /** Runs the transitions that are due now. Every API write does this too. */
  settle(): void;
  /**
   * Manual clock only: moves time forward by `ms`, running each transition at the
   * time it falls due.
   */
  advance(ms: number): void;
  /**
   * Manual clock only: advances from one scheduled transition to the next until none is
   * left (or `limitMs` of simulated time passed). Returns the simulated time that passed.
   */
  runUntilIdle(limitMs?: number): number;
  /** Number of transitions waiting for their time. */
  pending(): number;
}

interface Task {
  key: string;
  due: number;
  seq: number;
  run: () => void;
}

/** A settle that runs this many tasks is a controller loop gone wrong. */
const MAX_TASKS_PER_SETTLE = 100_000;

/**
 * Runs controller work at simulated times. Work is keyed (one pending run per object),
 * and a key keeps its earliest due time — controllers recompute their next wake-up each
 * time they run, as Kubernetes controllers requeue. Everything runs on the caller's
 * stack, so with zero delays a write's consequences are complete before its response.
 */
export class Scheduler implements SimulatorClock {
  private tasks: Task[] = [];
  private seq = 0;
  private virtualNow: number;
  private running = false;
  private paused = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    readonly mode: ClockMode,
    startTime: number = Date.now(),
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.virtualNow = startTime;
  }

  now(): number {
    return this.mode === 'real' ? Date.now() : this.virtualNow;
  }

  schedule(key: string, delayMs: number, run: () => void): void {
    if (this.closed) return;
    const due = this.now() + Math.max(0, delayMs);
    const existing = this.tasks.find(t => t.key === key);
    if (existing) {
      if (existing.due <= due) return;
      this.tasks = this.tasks.filter(t => t !== existing);
    }
    this.tasks.push({ key, due, seq: this.seq++, run });
    this.tasks.sort((a, b) => a.due - b.due || a.seq - b.seq);
    this.arm();
  }

  pending(): number {
    return this.tasks.length;
  }

  /** Stops running work (tasks keep queueing) until `resume`. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.settle();
  }

  settle(): void {
    if (this.running || this.paused || this.closed) return;
    this.running = true;
    try {
      let count = 0;
      while (this.tasks.length > 0 && this.tasks[0].due <= this.now()) {
        const task = this.tasks.shift()!;
        if (++count > MAX_TASKS_PER_SETTLE) {
          throw new Error(
            `controller loop: more than ${MAX_TASKS_PER_SETTLE} runs in one settle (last: ${task.key})`,
          );
        }
        try {
          task.run();
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      this.running = false;
    }
    this.arm();
  }

  advance(ms: number): void {
    if (this.mode !== 'manual') {
      throw new Error(
        'advance() needs the manual clock (start the simulator with clock: "manual")',
      );
    }
    const target = this.virtualNow + Math.max(0, ms);
    this.settle();
    while (
      !this.paused &&
      this.tasks.length > 0 &&
      this.tasks[0].due <= target
    ) {
      this.virtualNow = Math.max(this.virtualNow, this.tasks[0].due);
      this.settle();
    }
    this.virtualNow = target;
    this.settle();
  }

  runUntilIdle(limitMs: number = 24 * 3600 * 1000): number {
    if (this.mode !== 'manual') {
      throw new Error(
        'runUntilIdle() needs the manual clock (start the simulator with clock: "manual")',
      );
    }
    const start = this.virtualNow;
    this.settle();
    while (
      !this.paused &&
      this.tasks.length > 0 &&
      this.tasks[0].due - start <= limitMs
    ) {
      this.virtualNow = Math.max(this.virtualNow, this.tasks[0].due);
      this.settle();
    }
    return this.virtualNow - start;
  }

  /** The real clock sleeps until the next task is due. */
  private arm(): void {
    if (this.mode !== 'real' || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.tasks.length === 0 || this.paused) return;
    const delay = Math.max(0, this.tasks[0].due - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.settle();
    }, delay);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.tasks = [];
  }
}
