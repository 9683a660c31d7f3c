#!/usr/bin/env node
// Generates everything derived from the Shepherd API contract,
// plugins/shepherd-backend/src/schema/openapi.yaml:
//
// - plugins/shepherd-backend/src/schema/openapi.generated.ts: the spec as an `as const` object,
//   from which @backstage/backend-openapi-utils builds the backend's typed, validated router;
// - plugins/shepherd-common/src/schema/openapi.generated.ts: the API's types (paths, operations,
//   schemas) by openapi-typescript, which the shared HTTP client (openapi-fetch, see
//   plugins/shepherd-common/src/client) and every model type of shepherd-common are built on.
//
// Usage: node scripts/generate-openapi.mjs [--check]
//   --check  writes nothing; fails when a generated file differs from what it would write.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { ROOT } from './lib.mjs';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const prettier = require('prettier');
const prettierConfig = require('@backstage/cli/config/prettier');
const { default: openapiTS, astToString } = await import('openapi-typescript');

const SOURCE = join(
  ROOT,
  'plugins',
  'shepherd-backend',
  'src',
  'schema',
  'openapi.yaml',
);
const SPEC_CONSTANT = join(
  ROOT,
  'plugins',
  'shepherd-backend',
  'src',
  'schema',
  'openapi.generated.ts',
);
const API_TYPES = join(
  ROOT,
  'plugins',
  'shepherd-common',
  'src',
  'schema',
  'openapi.generated.ts',
);

const check = process.argv.slice(2).includes('--check');

function banner(generator) {
  return [
    `// This file is generated from ${relative(ROOT, SOURCE)} by`,
    `// scripts/generate-openapi.mjs (${generator}).`,
    '// Do not edit it by hand: change openapi.yaml and run `yarn generate:openapi`.',
    '',
  ].join('\n');
}

function format(code) {
  return prettier.format(code, { ...prettierConfig, parser: 'typescript' });
}

const source = readFileSync(SOURCE, 'utf8');
const spec = YAML.parse(source);

const specConstant = format(
  `${banner('the spec as a constant')}\nexport const spec = ${JSON.stringify(
    spec,
  )} as const;\n`,
);

const apiTypes = format(
  `${banner('openapi-typescript')}\n${astToString(
    await openapiTS(spec, {
      // `type: object` without properties (details, payloads) is any object, not an empty one.
      emptyObjectsUnknown: true,
      enumValues: true,
      silent: true,
    }),
  )}`,
);

let stale = 0;
for (const [target, output] of [
  [SPEC_CONSTANT, specConstant],
  [API_TYPES, apiTypes],
]) {
  const name = relative(ROOT, target);
  if (check) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== output) {
      console.error(`${name} is out of date; run yarn generate:openapi`);
      stale += 1;
    }
  } else {
    writeFileSync(target, output);
    console.log(`wrote ${name}`);
  }
}
process.exitCode = stale === 0 ? 0 : 1;
