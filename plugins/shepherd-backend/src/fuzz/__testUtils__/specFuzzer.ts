import { mockCredentials } from '@backstage/backend-test-utils';
import { SHEPHERD_ERROR_CODES } from '@kubevirt-shepherd/plugin-shepherd-common';
import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { PERSONA_GROUPS, userRef } from '../../__testUtils__/testPolicy';
import {
  DatabaseSnapshot,
  TableChange,
  partialWrites,
  snapshotChanges,
  takeSnapshot,
} from './databaseSnapshot';
import { FuzzRequest, InputKind, requestsFor, urlOf } from './fuzzInputs';
import { FuzzWorld } from './fuzzWorld';
import { SpecOperation } from './specOperations';

/*
 * Sends fuzzed requests for one operation as every caller and checks the API's promises:
 * no 5xx for anything a client can send; every 4xx carries a stable code and a message;
 * a refused request leaves the database as it was (see databaseSnapshot.ts).
 */

/** The caller without a token. */
export const ANONYMOUS = 'anonymous';

/** Every caller a request is sent as: each persona of the test policy, and no one. */
export const CALLERS = [...Object.keys(PERSONA_GROUPS), ANONYMOUS];

const BASE_PATH = '/api/shepherd';

const STABLE_CODES: ReadonlySet<string> = new Set(
  Object.values(SHEPHERD_ERROR_CODES),
);

export const PROBLEMS = ['5xx', '4xx without code', 'partial write'] as const;
export type Problem = (typeof PROBLEMS)[number];

export interface Finding {
  problem: Problem;
  operationId: string;
  caller: string;
  kind: InputKind;
  method: string;
  url: string;
  contentType?: string;
  body?: string;
  status: number;
  responseBody: string;
  /** For 4xx without code: what the error body lacks. */
  reason?: string;
  /** For partial writes: the tables that changed. */
  changes?: TableChange[];
}

export interface FuzzTally {
  /** Requests sent, by operation. */
  requests: Map<string, number>;
  /** Inputs generated, by operation (each sent as every caller). */
  inputs: Map<string, number>;
  byKind: Map<InputKind, number>;
  byStatus: Map<number, number>;
  /** Requests answered 2xx that changed the database. */
  successfulWrites: number;
  findings: Finding[];
}

export function emptyTally(): FuzzTally {
  return {
    requests: new Map(),
    inputs: new Map(),
    byKind: new Map(),
    byStatus: new Map(),
    successfulWrites: 0,
    findings: [],
  };
}

function increment<K>(map: Map<K, number>, key: K, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** A string of at most `max` characters, for reports. */
export function clipped(
  text: string | undefined,
  max = 300,
): string | undefined {
  if (text === undefined || text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}

interface RawResponse {
  status: number;
  text: string;
}

/**
 * Sends a request exactly as given (no client adds or fixes a Content-Type or an encoding),
 * over HTTP to the test backend.
 */
function send(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: method.toUpperCase(),
        path,
        headers: {
          ...headers,
          ...(body !== undefined && {
            'Content-Length': String(Buffer.byteLength(body)),
          }),
        },
      },
      incoming => {
        const chunks: Buffer[] = [];
        incoming.on('data', chunk => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function authorization(caller: string): string {
  return caller === ANONYMOUS
    ? mockCredentials.none.header()
    : mockCredentials.user.header(userRef(caller));
}

/** Why a 4xx body breaks the error contract, if it does. */
function errorContractBreach(text: string): string | undefined {
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  const code = body?.error?.code;
  const message = body?.error?.message;
  if (typeof code !== 'string' || !STABLE_CODES.has(code)) {
    return `error.code ${JSON.stringify(code)} is not a stable code`;
  }
  if (typeof message !== 'string' || !message.trim()) {
    return 'error.message is empty';
  }
  return undefined;
}

/**
 * Fuzzes one operation: `runs` inputs drawn with `seed`, each sent as every caller, with a
 * snapshot of the database after each request. `snapshot` is the database as it is now;
 * answers the database as the last request left it.
 */
export async function fuzzOperation(options: {
  world: FuzzWorld;
  operation: SpecOperation;
  seed: number;
  runs: number;
  tally: FuzzTally;
  snapshot?: DatabaseSnapshot;
}): Promise<DatabaseSnapshot> {
  const { world, operation, seed, runs, tally } = options;
  const { knex } = world.api;
  const port = (world.api.backend.server.address() as AddressInfo).port;
  const inputs: FuzzRequest[] = fc.sample(
    requestsFor(operation, await world.vocabulary()),
    { seed, numRuns: runs },
  );
  let before = options.snapshot ?? (await takeSnapshot(knex));
  for (const input of inputs) {
    increment(tally.inputs, operation.operationId);
    increment(tally.byKind, input.kind);
    const url = urlOf(operation, input);
    for (const caller of CALLERS) {
      const headers: Record<string, string> = {
        Authorization: authorization(caller),
        ...(input.body?.contentType !== undefined && {
          'Content-Type': input.body.contentType,
        }),
      };
      const response = await send(
        port,
        operation.method,
        `${BASE_PATH}${url}`,
        headers,
        input.body?.text,
      );
      increment(tally.requests, operation.operationId);
      increment(tally.byStatus, response.status);
      const after = await takeSnapshot(knex);
      const finding = (
        problem: Problem,
        details: Pick<Finding, 'reason' | 'changes'> = {},
      ) =>
        tally.findings.push({
          problem,
          operationId: operation.operationId,
          caller,
          kind: input.kind,
          method: operation.method.toUpperCase(),
          url: clipped(url)!,
          contentType: input.body?.contentType,
          body: clipped(input.body?.text),
          status: response.status,
          responseBody: clipped(response.text, 600)!,
          ...details,
        });
      if (response.status >= 500) finding('5xx');
      if (response.status >= 400 && response.status < 500) {
        const breach = errorContractBreach(response.text);
        if (breach) finding('4xx without code', { reason: breach });
      }
      const changes = snapshotChanges(before, after);
      // A refused request, and a failed one all the more, leaves the database as it was.
      if (response.status >= 400) {
        const written = partialWrites(changes);
        if (written.length) finding('partial write', { changes: written });
      } else if (changes.length) {
        // Counted to show that the snapshots see the writes there are.
        tally.successfulWrites += 1;
      }
      before = after;
    }
  }
  return before;
}

/** The summary printed after a run. */
export function summaryOf(
  tally: FuzzTally,
  options: {
    seed: number;
    runs: number;
    operations?: ReadonlySet<string>;
    database: string;
    seconds: number;
  },
): string {
  const reproduce = [
    `yarn fuzz --seed ${options.seed} --runs ${options.runs}`,
    ...(options.operations
      ? [`--operations ${[...options.operations].join(',')}`]
      : []),
  ].join(' ');
  const operations = tally.inputs.size;
  const inputs = [...tally.inputs.values()].reduce((a, b) => a + b, 0);
  const requests = [...tally.requests.values()].reduce((a, b) => a + b, 0);
  const count = (problem: Problem) =>
    tally.findings.filter(finding => finding.problem === problem).length;
  const statuses = [...tally.byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  const kinds = [...tally.byKind.entries()]
    .map(([kind, n]) => `${kind}×${n}`)
    .join(' ');
  return [
    `Spec fuzzing on ${options.database} (seed ${options.seed}, ${options.runs} inputs per operation; reproduce with: ${reproduce})`,
    `  ${operations} operations, ${inputs} inputs × ${
      CALLERS.length
    } callers = ${requests} requests in ${options.seconds.toFixed(0)} s`,
    `  5xx seen: ${count('5xx')}; 4xx without code: ${count(
      '4xx without code',
    )}; partial writes: ${count('partial write')}`,
    `  statuses: ${statuses}; requests answered 2xx that wrote: ${tally.successfulWrites}`,
    `  inputs: ${kinds}`,
  ].join('\n');
}

/** A finding as a few lines of text, for the test's failure message and the report. */
export function describeFinding(finding: Finding): string {
  const lines = [
    `${finding.problem}: ${finding.operationId} as ${finding.caller} (${finding.kind}) → ${finding.status}`,
    `  ${finding.method} ${finding.url}`,
  ];
  if (finding.body !== undefined) {
    lines.push(
      `  Content-Type: ${finding.contentType ?? '(none)'}; body: ${
        finding.body
      }`,
    );
  }
  lines.push(`  response: ${finding.responseBody}`);
  if (finding.reason) lines.push(`  ${finding.reason}`);
  for (const change of finding.changes ?? []) {
    lines.push(
      `  ${change.table}: +${change.added.length} −${
        change.removed.length
      } ${clipped(
        [
          ...change.added.map(row => `+${row}`),
          ...change.removed.map(row => `−${row}`),
        ].join(' '),
        600,
      )}`,
    );
  }
  return lines.join('\n');
}
