import {
  ShepherdApiClient,
  createShepherdApiClient,
  isShepherdApiError,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { BackendReplica } from './replicas';

/** How long a call keeps trying while no replica answers (one is being restarted). */
const CALL_DEADLINE_MS = 10 * 60_000;
const RETRY_DELAY_MS = 500;

/** The demo personas the campaigns act as (examples/org.yaml). */
export type Persona = 'engineer-test' | 'approver' | 'platform-admin';

/**
 * The portal as its users reach it behind a load balancer: each call goes to one of the
 * replicas that run, and a call whose connection fails (the replica was killed, or is being
 * started again) is sent again to another. A call whose answer was lost may so be made
 * twice; the workload treats every step as one that may already have happened.
 */
export class Portal {
  #next = 0;
  readonly #tokens = new Map<Persona, string>();
  /** Calls sent again after a failed connection. */
  retriedCalls = 0;
  /** Calls answered 429 and sent again after the time the answer named. */
  rateLimitedCalls = 0;
  /** Calls answered 503 (a cluster could not be asked) and sent again. */
  unavailableAnswers = 0;

  constructor(private readonly replicas: BackendReplica[]) {}

  async as<T>(
    persona: Persona,
    call: (
      api: ShepherdApiClient,
      replicaUrl: string,
      token: string,
    ) => Promise<T>,
  ): Promise<T> {
    const deadline = Date.now() + CALL_DEADLINE_MS;
    for (;;) {
      const replica = this.#pick();
      try {
        if (!replica) throw new Error('no replica runs');
        const token = await this.#token(persona, replica);
        return await call(
          createShepherdApiClient({
            baseUrl: `${replica.url}/api/shepherd`,
            token,
          }),
          replica.url,
          token,
        );
      } catch (error) {
        let delayMs = RETRY_DELAY_MS;
        if (isShepherdApiError(error)) {
          if (error.status === 401) {
            this.#tokens.delete(persona);
          } else if (error.status === 429) {
            // A client that keeps to the rate limit tries again when it is told to.
            this.rateLimitedCalls += 1;
            delayMs =
              Number(error.details?.retryAfterSeconds ?? 1) * 1000 +
              RETRY_DELAY_MS;
          } else if (error.status === 503) {
            // A cluster that could not be asked (e.g. an approval's dry run): try again.
            this.unavailableAnswers += 1;
          } else {
            throw error;
          }
        } else {
          this.retriedCalls += 1;
        }
        if (Date.now() > deadline) throw error;
        await new Promise(resolve => setTimeout(resolve, delayMs));
      }
    }
  }

  /** A replica that runs, in turn. */
  #pick(): BackendReplica | undefined {
    for (let i = 0; i < this.replicas.length; i++) {
      const replica = this.replicas[this.#next++ % this.replicas.length];
      if (replica.ready) return replica;
    }
    return undefined;
  }

  async #token(persona: Persona, replica: BackendReplica): Promise<string> {
    const cached = this.#tokens.get(persona);
    if (cached) return cached;
    const response = await fetch(
      `${replica.url}/api/auth/demo-persona/refresh`,
      {
        method: 'POST',
        headers: {
          'x-shepherd-demo-persona': persona,
          'x-requested-with': 'XMLHttpRequest',
        },
      },
    );
    if (!response.ok) {
      throw new Error(`Sign-in as ${persona} failed with ${response.status}`);
    }
    const token: string = (await response.json()).backstageIdentity.token;
    this.#tokens.set(persona, token);
    return token;
  }
}
