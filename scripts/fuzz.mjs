#!/usr/bin/env node
// `yarn fuzz`: the long run of the spec fuzzer (plugins/shepherd-backend/src/fuzz). Every
// operation of openapi.yaml gets --runs inputs (default 100), each sent as every persona and
// without a token, on SQLite and PostgreSQL, with a random seed that is printed first so that
// a failure reproduces with `yarn fuzz --seed <seed> --runs <runs>`.
//
//   yarn fuzz [--runs N] [--seed S] [--database sqlite|postgres|all]
//             [--operations OperationId,OperationId]
//
// PostgreSQL: SHEPHERD_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432).
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, checkNodeVersion, fail, log, runYarn } from './lib.mjs';

const DEFAULT_RUNS = 100;
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';
const DATABASES = { sqlite: 'SQLITE_3', postgres: 'POSTGRES_15' };

checkNodeVersion();
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: String(DEFAULT_RUNS) },
    seed: { type: 'string' },
    database: { type: 'string', default: 'all' },
    operations: { type: 'string' },
  },
});

const runs = Number(values.runs);
if (!Number.isSafeInteger(runs) || runs < 1) {
  fail(`--runs must be a positive integer, got '${values.runs}'`);
}
const seed =
  values.seed === undefined ? randomInt(2 ** 31) : Number(values.seed);
if (!Number.isSafeInteger(seed)) {
  fail(`--seed must be an integer, got '${values.seed}'`);
}
if (values.database !== 'all' && !DATABASES[values.database]) {
  fail(`--database must be sqlite, postgres or all, got '${values.database}'`);
}

const postgresUrl =
  process.env.SHEPHERD_TEST_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
log(
  `Spec fuzzing: seed ${seed}, ${runs} inputs per operation ` +
    `(reproduce with: yarn fuzz --seed ${seed} --runs ${runs})`,
);
const code = await runYarn(
  [
    'backstage-cli',
    'package',
    'test',
    '--watchAll=false',
    'src/fuzz/specFuzz.test.ts',
    ...(values.database === 'all'
      ? []
      : [`--testNamePattern=on "${DATABASES[values.database]}"`]),
  ],
  {
    cwd: join(ROOT, 'plugins', 'shepherd-backend'),
    env: {
      CI: 'true',
      BACKSTAGE_TEST_DISABLE_DOCKER: '1',
      SHEPHERD_TEST_POSTGRES_URL: postgresUrl,
      BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING: postgresUrl,
      ...(values.database === 'sqlite' && { SHEPHERD_TEST_SKIP_POSTGRES: '1' }),
      SHEPHERD_FUZZ_SEED: String(seed),
      SHEPHERD_FUZZ_RUNS: String(runs),
      SHEPHERD_FUZZ_PROGRESS: '1',
      ...(values.operations && { SHEPHERD_FUZZ_OPERATIONS: values.operations }),
    },
  },
);
log(
  `Spec fuzzing ${
    code === 0 ? 'passed' : 'failed'
  } (seed ${seed}, ${runs} inputs per operation)`,
);
process.exit(code);
