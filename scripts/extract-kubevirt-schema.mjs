#!/usr/bin/env node
// Extracts, from KubeVirt's official OpenAPI (swagger 2.0, Apache-2.0), the definitions a
// VirtualMachine is made of, without their prose: the schema the KubeVirt provider's tests
// validate rendered VirtualMachines against (see
// packages/kubevirt-sim/src/schema/virtualMachineSchema.ts).
//
// Usage: node scripts/extract-kubevirt-schema.mjs <kubevirt openapi.json>
//   Take openapi.json from kubevirt/kubevirt's api/openapi-spec/swagger.json of the release
//   to check against; the result replaces packages/kubevirt-sim/src/schema/kubevirt-virtualmachine.schema.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib.mjs';

const ROOT_DEFINITION = 'v1.VirtualMachine';
/** The schema keywords validation reads; descriptions and Kubernetes hints are left out. */
const KEPT = new Set([
  '$ref',
  'type',
  'format',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'enum',
  'nullable',
]);
const TARGET = join(
  ROOT,
  'packages/kubevirt-sim/src/schema/kubevirt-virtualmachine.schema.json',
);

const source = process.argv[2];
if (!source) {
  console.error('usage: extract-kubevirt-schema.mjs <kubevirt openapi.json>');
  process.exit(2);
}
const spec = JSON.parse(readFileSync(source, 'utf8'));

function prune(schema) {
  if (Array.isArray(schema)) return schema.map(prune);
  if (!schema || typeof schema !== 'object') return schema;
  const kept = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEPT.has(key)) continue;
    kept[key] =
      key === 'properties'
        ? Object.fromEntries(
            Object.entries(value).map(([name, property]) => [
              name,
              prune(property),
            ]),
          )
        : prune(value);
  }
  return kept;
}

const definitions = {};
const queue = [ROOT_DEFINITION];
while (queue.length > 0) {
  const name = queue.pop();
  if (definitions[name]) continue;
  definitions[name] = prune(spec.definitions[name]);
  for (const [, ref] of JSON.stringify(definitions[name]).matchAll(
    /"#\/definitions\/([^"]+)"/g,
  )) {
    queue.push(ref);
  }
}
const sorted = Object.fromEntries(
  Object.keys(definitions)
    .sort()
    .map(name => [name, definitions[name]]),
);
writeFileSync(
  TARGET,
  `${JSON.stringify(
    {
      source: `${spec.info?.title} (${spec.info?.license?.name}), definitions of ${ROOT_DEFINITION}`,
      root: ROOT_DEFINITION,
      definitions: sorted,
    },
    null,
    2,
  )}\n`,
);
console.log(
  `wrote ${
    Object.keys(sorted).length
  } definitions to ${TARGET}; format it with prettier`,
);
