/** What a fault does to a matching request. */
export type FaultKind =
  /** Answers normally after `latencyMs`. */
  | 'latency'
  /** Answers a 5xx Status (`status`, default 503) without doing the request. */
  | 'error'
  /** Answers 409 Conflict without doing the request. */
  | 'conflict'
  /**
   * Answers 422 Invalid without doing the request, as the apiserver does when a validating
   * admission webhook denies it (`message`: the webhook's reason).
   */
  | 'denied'
  /** Never answers; the connection stays open until the client gives up. */
  | 'hang'
  /** Destroys the connection without an answer. */
  | 'drop';

export interface FaultRule {
  kind: FaultKind;
  /** HTTP method to match (case-insensitive); any method when absent. */
  method?: string;
  /** Matched against the request path without the query string. Any path when absent. */
  path?: RegExp | string;
  /**
   * `true`: only watch requests (`?watch=true`), so that e.g. an `error` or `drop` fault
   * makes new watches fail while lists and writes work; `false`: only other requests.
   * Any request when absent.
   */
  watch?: boolean;
  /** How many matching requests the fault applies to; unlimited when absent. */
  times?: number;
  /** Chance (0–1) that a matching request is affected; 1 when absent. Seeded, so repeatable. */
  probability?: number;
  /** For `latency`: the delay. */
  latencyMs?: number;
  /**
   * For `latency`: answers once this settles instead of after `latencyMs`, so that a test
   * decides when a held request goes on, whatever the machine's speed.
   */
  until?: Promise<unknown>;
  /** Told each time the fault applies to a request (e.g. that a held request arrived). */
  onHit?: () => void;
  /** For `error`: the HTTP status code (500–599). */
  status?: number;
  /** Message of the Status answered by `error`, `conflict` and `denied`. */
  message?: string;
}

export interface InjectedFault {
  readonly id: number;
  readonly rule: Readonly<FaultRule>;
  /** How many requests this fault affected so far. */
  readonly hits: number;
  remove(): void;
}

/** Fault injection as tests drive it (`sim.faults`). */
export interface FaultControls {
  /** Adds a fault; the first matching fault (in the order added) applies to a request. */
  inject(rule: FaultRule): InjectedFault;
  /** Removes every fault. */
  clear(): void;
  /** All faults still active. */
  list(): InjectedFault[];
  /**
   * Stops accepting connections (and cuts the open ones): clients get ECONNREFUSED
   * until `setReachable(true)`, which listens on the same port again.
   */
  setReachable(reachable: boolean): Promise<void>;
  readonly reachable: boolean;
  /**
   * Cuts the connections of the watches open now, mid-stream, without a last chunk (as a
   * crashed apiserver or a broken network does): clients see their watch fail and must
   * resume or relist. `path` (matched against the watch's path without the query string)
   * picks some watches; all when absent. Returns how many were cut.
   */
  dropWatches(match?: { path?: RegExp | string }): number;
}

class Fault implements InjectedFault {
  hits = 0;
  private readonly pattern: RegExp | undefined;

  constructor(
    readonly id: number,
    readonly rule: FaultRule,
    private readonly onRemove: (fault: Fault) => void,
  ) {
    if (
      rule.kind === 'error' &&
      rule.status !== undefined &&
      (rule.status < 500 || rule.status > 599)
    ) {
      throw new Error(
        'an error fault answers a 5xx status; use kind "conflict" for 409',
      );
    }
    if (
      rule.probability !== undefined &&
      (rule.probability < 0 || rule.probability > 1)
    ) {
      throw new Error('fault probability must be between 0 and 1');
    }
    this.pattern =
      typeof rule.path === 'string' ? new RegExp(rule.path) : rule.path;
  }

  matches(method: string, path: string, watch: boolean): boolean {
    if (
      this.rule.method &&
      this.rule.method.toUpperCase() !== method.toUpperCase()
    )
      return false;
    if (this.rule.watch !== undefined && this.rule.watch !== watch)
      return false;
    return !this.pattern || this.pattern.test(path);
  }

  get exhausted(): boolean {
    return this.rule.times !== undefined && this.hits >= this.rule.times;
  }

  remove(): void {
    this.onRemove(this);
  }
}

/** A small seeded generator (mulberry32): probabilistic faults repeat from run to run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The registry of faults; the HTTP layer asks it which fault, if any, hits a request. */
export class FaultInjector {
  private faults: Fault[] = [];
  private nextId = 1;
  private readonly random: () => number;

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  inject(rule: FaultRule): InjectedFault {
    const fault = new Fault(this.nextId++, { ...rule }, f => {
      this.faults = this.faults.filter(x => x !== f);
    });
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): InjectedFault[] {
    return [...this.faults];
  }

  /** The fault that applies to this request (counting it as a hit), if any. */
  match(method: string, path: string, watch = false): FaultRule | undefined {
    for (const fault of this.faults) {
      if (fault.exhausted || !fault.matches(method, path, watch)) continue;
      const probability = fault.rule.probability ?? 1;
      if (probability < 1 && this.random() >= probability) continue;
      fault.hits += 1;
      fault.rule.onHit?.();
      return fault.rule;
    }
    return undefined;
  }
}
