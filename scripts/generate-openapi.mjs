#!/usr/bin/env node
// Turns a backend package's src/schema/openapi.yaml into src/schema/openapi.generated.ts, the
// `as const` spec from which @backstage/backend-openapi-utils builds a typed, validated router.
// Usage: node scripts/generate-openapi.mjs <package-dir> [--check]
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const prettier = require('prettier');

const [packageDir = '.', flag] = process.argv.slice(2);
const schemaDir = join(resolve(packageDir), 'src', 'schema');
const source = join(schemaDir, 'openapi.yaml');
const target = join(schemaDir, 'openapi.generated.ts');

const spec = YAML.parse(readFileSync(source, 'utf8'));
const banner = [
  '// This file is generated from openapi.yaml by scripts/generate-openapi.mjs.',
  '// Do not edit it by hand: change openapi.yaml and run `yarn generate:openapi`.',
  '',
].join('\n');
const code = `${banner}\nexport const spec = ${JSON.stringify(
  spec,
)} as const;\n`;
const prettierConfig = require('@backstage/cli/config/prettier');
const output = prettier.format(code, {
  ...prettierConfig,
  parser: 'typescript',
});

if (flag === '--check') {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== output) {
    console.error(`${target} is out of date; run yarn generate:openapi`);
    process.exit(1);
  }
} else {
  writeFileSync(target, output);
  console.log(`wrote ${target}`);
}
