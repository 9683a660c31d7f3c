import { createTestDatabases } from '../__testUtils__/testDatabases';
import { spec } from '../schema/openapi';
import { DatabaseSnapshot } from './__testUtils__/databaseSnapshot';
import { operationSeed, readFuzzSettings } from './__testUtils__/fuzzSettings';
import { pathParameterNames } from './__testUtils__/fuzzInputs';
import {
  FuzzWorld,
  RECORD_TABLES,
  startFuzzWorld,
} from './__testUtils__/fuzzWorld';
import { knownHoleOf } from './__testUtils__/knownHoles';
import {
  describeFinding,
  emptyTally,
  fuzzOperation,
  summaryOf,
} from './__testUtils__/specFuzzer';
import { HTTP_METHODS, specOperations } from './__testUtils__/specOperations';

/*
 * Fuzzing the API from its spec: for every operation of openapi.yaml, inputs derived from its
 * schemas (valid-shaped, and with one defect each: wrong types, huge numbers, odd and long
 * strings, unknown and missing fields, broken JSON, wrong content types, bad path and query
 * parameters), each sent as every persona of the test policy and without a token, against
 * the real plugin on a real database in a seeded world. The API promises no 5xx for anything
 * a client can send, a stable code and a message with every 4xx, and nothing written by a
 * request it refuses.
 */

const settings = readFuzzSettings();

/** Every operationId of the spec, read independently of the fuzzer's own reading. */
const SPEC_OPERATION_IDS = Object.values(
  spec.paths as Record<string, Record<string, { operationId?: string }>>,
)
  .flatMap(pathItem =>
    HTTP_METHODS.flatMap(method => pathItem[method]?.operationId ?? []),
  )
  .sort();

/** Reads first, then changes, deletions last, so that deletions erode the world last. */
const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];
const OPERATIONS = specOperations()
  .filter(
    operation =>
      !settings.operations || settings.operations.has(operation.operationId),
  )
  .sort(
    (a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method),
  );

/** The short run is bounded by its fixed number of inputs; the long one by its size. */
const RUN_TIMEOUT_MS = settings.long ? 24 * 60 * 60_000 : 15 * 60_000;

describe('fuzzing the API from its spec', () => {
  it('reads every operation of the spec', () => {
    expect(
      specOperations()
        .map(operation => operation.operationId)
        .sort(),
    ).toEqual(SPEC_OPERATION_IDS);
  });

  it('knows the records every path parameter names', () => {
    const unknown = pathParameterNames(specOperations()).filter(
      name => !RECORD_TABLES[name],
    );
    expect(unknown).toEqual([]);
  });

  const databases = createTestDatabases();

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let world: FuzzWorld | undefined;

    beforeAll(async () => {
      world = await startFuzzWorld({ databases, databaseId });
    });

    afterAll(async () => {
      await world?.stop();
    });

    const tally = emptyTally();

    it(
      'answers no 5xx, a stable code with every 4xx, and writes nothing when it refuses',
      async () => {
        const startedAt = Date.now();
        let snapshot: DatabaseSnapshot | undefined;
        for (const operation of OPERATIONS) {
          if (settings.progress) {
            process.stderr.write(`fuzzing ${operation.operationId}\n`);
          }
          snapshot = await fuzzOperation({
            world: world!,
            operation,
            seed: operationSeed(settings.seed, operation.operationId),
            runs: settings.runs,
            tally,
            snapshot,
          });
        }
        const unexpected = tally.findings.filter(
          finding => !knownHoleOf(finding),
        );
        // Known holes are listed once each, with their first example.
        const known = new Map<string, { count: number; example: string }>();
        for (const finding of tally.findings) {
          const hole = knownHoleOf(finding);
          if (!hole) continue;
          const entry = known.get(hole) ?? {
            count: 0,
            example: describeFinding(finding),
          };
          known.set(hole, { ...entry, count: entry.count + 1 });
        }
        const summary = summaryOf(tally, {
          ...settings,
          database: databaseId,
          seconds: (Date.now() - startedAt) / 1000,
        });
        const report = [
          summary,
          `  known holes: ${
            tally.findings.length - unexpected.length
          }; unexpected findings: ${unexpected.length}`,
          ...[...known].map(
            ([hole, { count, example }]) =>
              `\nKnown hole (${count}×): ${hole}\n${example}`,
          ),
          ...unexpected.map(finding => `\n${describeFinding(finding)}`),
        ];
        // eslint-disable-next-line no-console
        console.log(report.join('\n'));
        expect(unexpected.map(describeFinding)).toEqual([]);
      },
      RUN_TIMEOUT_MS,
    );

    it('fuzzed every operation of the spec (or every chosen one)', () => {
      const chosen = SPEC_OPERATION_IDS.filter(
        id => !settings.operations || settings.operations.has(id),
      );
      expect([...tally.inputs.keys()].sort()).toEqual(chosen);
    });
  });
});
