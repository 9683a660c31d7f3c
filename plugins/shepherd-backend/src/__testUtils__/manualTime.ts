import { JobWorkerTimers } from '../queue/JobWorker';

/** A clock that only moves when the test moves it. */
export class ManualClock {
  #now: number;

  constructor(start = '2026-11-23T10:00:00.000Z') {
    this.#now = Date.parse(start);
  }

  readonly now = () => new Date(this.#now);

  advance(ms: number) {
    this.#now += ms;
  }
}

/** Timers that fire only when the test says so. */
export class ManualTimers implements JobWorkerTimers {
  #next = 1;
  readonly #intervals = new Map<number, () => void | Promise<void>>();
  readonly #timeouts = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number) {
    const id = this.#next++;
    this.#timeouts.set(id, { callback, ms });
    return id;
  }

  clearTimeout(handle: unknown) {
    this.#timeouts.delete(handle as number);
  }

  setInterval(callback: () => void | Promise<void>) {
    const id = this.#next++;
    this.#intervals.set(id, callback);
    return id;
  }

  clearInterval(handle: unknown) {
    this.#intervals.delete(handle as number);
  }

  /** The delays of the timeouts that have not fired, in the order they were set. */
  get pendingTimeouts(): number[] {
    return [...this.#timeouts.values()].map(timeout => timeout.ms);
  }

  /** Fires the pending timeouts of exactly `ms`. */
  fireTimeouts(ms: number) {
    for (const [id, timeout] of [...this.#timeouts]) {
      if (timeout.ms === ms) {
        this.#timeouts.delete(id);
        timeout.callback();
      }
    }
  }

  get intervalCount() {
    return this.#intervals.size;
  }

  /** Runs every interval callback once (e.g. one round of heartbeats) and waits for them. */
  async tickIntervals() {
    await Promise.all(
      [...this.#intervals.values()].map(callback => callback()),
    );
  }
}
