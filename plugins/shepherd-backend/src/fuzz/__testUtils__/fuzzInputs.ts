import fc from 'fast-check';
import {
  JsonSchema,
  SpecOperation,
  SpecParameter,
  resolveSchema,
} from './specOperations';

/*
 * What the fuzzer sends: for one operation of the spec, requests whose parameters and body
 * are derived from the operation's schemas — valid-shaped ones, so that the code behind the
 * validator runs, and each kind of bad input a client can send, one defect at a time.
 */

/** The kinds of input, as the summary counts them. */
export const INPUT_KINDS = [
  'valid-shaped',
  'wrong-type',
  'huge-number',
  'odd-string',
  'long-string',
  'unknown-field',
  'missing-required',
  'broken-json',
  'wrong-content-type',
  'path-parameter',
  'query-parameter',
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** One request: raw values, encoded when the request is sent. */
export interface FuzzRequest {
  kind: InputKind;
  pathParameters: Record<string, string>;
  /** Query pairs in order; a name may repeat. */
  query: Array<[string, string]>;
  /** The body as sent: exact text, and the Content-Type header (none when undefined). */
  body?: { text: string; contentType?: string };
}

/**
 * Names of existing records and meaningful values, by the name of the parameter or property
 * that takes them (e.g. `systemId`, `namespace`, `memberRef`), so that valid-shaped input
 * reaches records that exist.
 */
export type FuzzVocabulary = Record<string, string[]>;

/** The JSON body limit of the API (express.json()'s default), to go just past it. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** A JSON value written as it is, for numbers JavaScript cannot hold (1e309, 2^64). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value tree that may hold {@link RawJson} leaves. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(
      ([key, member]) => `${JSON.stringify(key)}:${toJsonText(member)}`,
    );
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Numbers beyond int32, int64 and double, and numbers that are not what they look like. */
const HUGE_NUMBERS = [
  '1e309',
  '-1e309',
  '1e-400',
  '-0',
  '0.5',
  '1.0000000000000002',
  '2147483648',
  '-2147483649',
  '4294967296',
  '9007199254740993',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '123456789012345678901234567890123456789',
  '1e21',
  '-1',
];

/** Strings a number parser might take for a number. */
const NAN_LIKE_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '0x1F',
  '0b101',
  '1_000',
  ' 42 ',
  '٤٢',
  '4２',
  '',
  '+1',
  '.5',
  '5.',
  '1e3',
  '99999999999999999999999999',
  '-99999999999999999999999999',
];

/** Strings that have broken software before: control characters, bidi, surrogates, SQL. */
const ODD_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u202eevil\u202c',
  '\u200b',
  '\ufeff',
  '\ud800',
  'a\udfffb',
  '🐑🐑🐑',
  'e\u0301\u0301\u0301',
  "'; DROP TABLE systems; --",
  '" OR 1=1 --',
  '%00',
  '%',
  '../../etc/passwd',
  '..',
  '.',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '\r\nX-Injected: 1',
  ' ',
  '\t',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'user:default/',
  ':::',
  'system:default/payments',
];

/** Property names that reach into objects' prototypes when code copies them carelessly. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString'];

const hugeNumber = fc.oneof(
  fc.constantFrom(...HUGE_NUMBERS).map(text => new RawJson(text)),
  fc
    .bigInt({ min: -(2n ** 80n), max: 2n ** 80n })
    .map(value => new RawJson(value.toString())),
);

const oddString = fc.oneof(
  fc.constantFrom(...ODD_STRINGS, ...NAN_LIKE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.constantFrom(...ODD_STRINGS), { minLength: 2, maxLength: 4 })
    .map(parts => parts.join('')),
);

/** Strings from a few hundred characters to past the body limit, of one repeated piece. */
const longString = fc
  .tuple(
    fc.constantFrom('a', 'é', '🐑', '\u0000', 'ab ', '\u202e'),
    fc.oneof(
      fc.integer({ min: 256, max: 8_192 }),
      fc.integer({ min: BODY_LIMIT_BYTES - 2_048, max: BODY_LIMIT_BYTES }),
      fc.constant(BODY_LIMIT_BYTES + 1),
    ),
  )
  .map(([piece, bytes]) =>
    piece.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(piece)))),
  );

/** Any JSON value of the wrong kind for most fields. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    '',
    'x',
    [],
    [null],
    {},
    { a: 1 },
    [[[[[]]]]],
  ),
  fc.jsonValue({ maxDepth: 2 }),
  // Deep nesting, for parsers and validators that recurse.
  fc
    .integer({ min: 100, max: 3_000 })
    .map(depth => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)),
);

/** A bad value of one of the kinds that fit inside a JSON document. */
const badValue: fc.Arbitrary<[InputKind, unknown]> = fc.oneof(
  wrongType.map((value): [InputKind, unknown] => ['wrong-type', value]),
  hugeNumber.map((value): [InputKind, unknown] => ['huge-number', value]),
  oddString.map((value): [InputKind, unknown] => ['odd-string', value]),
  longString.map((value): [InputKind, unknown] => ['long-string', value]),
);

/** A bad path or query parameter value (always a string on the wire). */
const badParameter: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NAN_LIKE_STRINGS, ...ODD_STRINGS, ...HUGE_NUMBERS),
  fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '123e4567-e89b-12d3-a456-426614174000 ',
    '123e4567e89b12d3a456426614174000',
    '{123e4567-e89b-12d3-a456-426614174000}',
  ),
  fc.uuid().map(uuid => uuid.toUpperCase()),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc
    .tuple(
      fc.constantFrom('a', '9', '%', '/', 'é'),
      // Encoded, at most 6 000 bytes: the URL stays below Node's 16 KiB header limit,
      // past which Node answers 431 itself, before any of the backend's code runs.
      fc.integer({ min: 64, max: 1_000 }),
    )
    .map(([piece, length]) => piece.repeat(length)),
);

/*
 * A path parameter is never empty: a URL with an empty segment names no operation (the
 * router answers it as an unknown path).
 */
const nonEmptyBadParameter = badParameter.filter(value => value !== '');

function nonEmpty(schema: JsonSchema): JsonSchema {
  const resolved = resolveSchema(schema);
  return { ...resolved, minLength: Math.max(1, resolved.minLength ?? 0) };
}

/** Content types a JSON endpoint may be sent by mistake or on purpose. */
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=nonsense',
  'application/merge-patch+json',
  'application/json, text/plain',
  'application/',
  '*/*',
];

/** Well-known values for some names that no schema could guess. */
function vocabularyArbitrary(
  name: string | undefined,
  vocabulary: FuzzVocabulary,
): fc.Arbitrary<string> | undefined {
  const known = name ? vocabulary[name] : undefined;
  return known?.length ? fc.constantFrom(...known) : undefined;
}

/**
 * Numbers within the schema's bounds: mostly small ones, near the lower bound, and some
 * anywhere in the range, which reaches as far as a safe integer goes where the schema sets
 * no bound (every number of the API should have one).
 */
function numberIn<T>(
  schema: JsonSchema,
  between: (min: number, max: number) => fc.Arbitrary<T>,
): fc.Arbitrary<T> {
  const min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
  const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  const smallFrom = schema.minimum ?? Math.max(min, -10);
  return fc.oneof(
    {
      arbitrary: between(smallFrom, Math.min(max, smallFrom + 1_000)),
      weight: 3,
    },
    { arbitrary: between(min, max), weight: 1 },
  );
}

/**
 * A value that the schema accepts (mostly: patterns and formats are followed where fast-check
 * can), with the names of existing records where a property takes one.
 */
export function valueOf(
  schemaOrRef: JsonSchema,
  vocabulary: FuzzVocabulary,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolveSchema(schemaOrRef);
  const known = vocabularyArbitrary(name, vocabulary);
  const derived = derivedValueOf(schema, vocabulary, depth);
  return known ? fc.oneof({ arbitrary: known, weight: 3 }, derived) : derived;
}

function derivedValueOf(
  schema: JsonSchema,
  vocabulary: FuzzVocabulary,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    return fc.oneof(
      ...alternatives.map(alternative =>
        valueOf(alternative, vocabulary, undefined, depth + 1),
      ),
    );
  }
  if (schema.allOf) {
    const merged = schema.allOf.map(resolveSchema).reduce<JsonSchema>(
      (all, part) => ({
        ...all,
        ...part,
        properties: { ...all.properties, ...part.properties },
        required: [...(all.required ?? []), ...(part.required ?? [])],
      }),
      {},
    );
    return derivedValueOf(merged, vocabulary, depth);
  }
  const types = Array.isArray(schema.type)
    ? schema.type
    : [schema.type ?? (schema.properties ? 'object' : 'string')];
  return fc.oneof(
    ...types.map(type => valueOfType(type, schema, vocabulary, depth)),
  );
}

function valueOfType(
  type: string,
  schema: JsonSchema,
  vocabulary: FuzzVocabulary,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberIn(schema, (min, max) => fc.integer({ min, max }));
    case 'number':
      return numberIn(schema, (min, max) =>
        fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
      );
    case 'array':
      return fc.array(
        valueOf(schema.items ?? {}, vocabulary, undefined, depth + 1),
        {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        },
      );
    case 'object':
      return objectOf(schema, vocabulary, depth);
    default:
      return stringOf(schema);
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter(value => value.length >= minLength && value.length <= maxLength);
  }
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') {
    return fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map(date => date.toISOString());
  }
  return fc.string({ minLength, maxLength });
}

function objectOf(
  schema: JsonSchema,
  vocabulary: FuzzVocabulary,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  if (Object.keys(properties).length === 0) {
    // A free-form object (e.g. a VM spec to replace): small and of any JSON.
    return depth > 2
      ? fc.constant({})
      : fc.dictionary(
          fc.string({ maxLength: 12 }),
          fc.jsonValue({ maxDepth: 2 }),
          {
            maxKeys: 4,
          },
        );
  }
  const model = Object.fromEntries(
    Object.entries(properties).map(([key, property]) => [
      key,
      valueOf(property, vocabulary, key, depth + 1),
    ]),
  );
  return fc.record(model, {
    requiredKeys: (schema.required ?? []).filter(key => key in properties),
  }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A query parameter's value as the wire carries it. */
function queryText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The parts of a valid-shaped request, before one of them is spoiled. */
interface RequestParts {
  pathParameters: Record<string, string>;
  query: Record<string, unknown>;
  body?: unknown;
}

function validParts(
  operation: SpecOperation,
  vocabulary: FuzzVocabulary,
): fc.Arbitrary<RequestParts> {
  const pathParameters = fc.record(
    Object.fromEntries(
      operation.pathParameters.map(parameter => [
        parameter.name,
        fc.oneof(
          {
            arbitrary: valueOf(
              nonEmpty(parameter.schema),
              vocabulary,
              parameter.name,
            ),
            weight: 4,
          },
          fc.uuid(),
        ) as fc.Arbitrary<string>,
      ]),
    ),
  );
  const query = fc.record(
    Object.fromEntries(
      operation.queryParameters.map(parameter => [
        parameter.name,
        valueOf(parameter.schema, vocabulary, parameter.name),
      ]),
    ),
    {
      requiredKeys: operation.queryParameters
        .filter(parameter => parameter.required)
        .map(parameter => parameter.name),
    },
  );
  const body = operation.body
    ? valueOf(operation.body.schema, vocabulary)
    : fc.constant(undefined);
  return fc.record({ pathParameters, query, body });
}

function assembled(kind: InputKind, parts: RequestParts): FuzzRequest {
  const query: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(parts.query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      query.push([name, queryText(item)]);
    }
  }
  return {
    kind,
    pathParameters: parts.pathParameters,
    query,
    body:
      parts.body === undefined
        ? undefined
        : { text: toJsonText(parts.body), contentType: 'application/json' },
  };
}

/** Keys of the body's schema, or of the generated body when the schema lists none. */
function bodyKeys(operation: SpecOperation, body: unknown): string[] {
  const schema = operation.body ? resolveSchema(operation.body.schema) : {};
  const keys = Object.keys(schema.properties ?? {});
  if (keys.length) return keys;
  return body && typeof body === 'object' ? Object.keys(body) : [];
}

/**
 * Requests for `operation`: valid-shaped ones, and ones with exactly one defect (a field of
 * the wrong type, a huge number, an odd or long string, an unknown or missing field, broken
 * JSON, the wrong content type, a bad path or query parameter).
 */
export function requestsFor(
  operation: SpecOperation,
  vocabulary: FuzzVocabulary,
): fc.Arbitrary<FuzzRequest> {
  const valid = validParts(operation, vocabulary);
  const schema = operation.body
    ? resolveSchema(operation.body.schema)
    : undefined;
  const required = schema?.required ?? [];
  const isObjectBody = (body: unknown): body is Record<string, unknown> =>
    body !== null && typeof body === 'object' && !Array.isArray(body);

  const spoiledField = fc
    .tuple(valid, fc.nat(), badValue)
    .map(([parts, index, [kind, value]]) => {
      const keys = bodyKeys(operation, parts.body);
      if (!isObjectBody(parts.body) || keys.length === 0) {
        // No field to spoil: the whole body is the bad value.
        return assembled(kind, { ...parts, body: value });
      }
      const key = keys[index % keys.length];
      return assembled(kind, {
        ...parts,
        body: { ...parts.body, [key]: value },
      });
    });

  const wholeBody = fc
    .tuple(valid, badValue)
    .map(([parts, [kind, value]]) =>
      assembled(kind, { ...parts, body: value }),
    );

  const unknownField = fc
    .tuple(
      valid,
      fc.oneof(
        fc.constantFrom(...PROTOTYPE_KEYS),
        fc.string({ maxLength: 20 }),
      ),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map(([parts, key, value]) => {
      const body = isObjectBody(parts.body) ? parts.body : {};
      // Written as text: an object literal would not keep a "__proto__" key.
      const text = toJsonText(body).replace(
        /^\{/,
        `{${JSON.stringify(key)}:${JSON.stringify(value)}${
          Object.keys(body).length ? ',' : ''
        }`,
      );
      return {
        ...assembled('unknown-field', parts),
        body: { text, contentType: 'application/json' },
      };
    });

  const missingRequired = fc.tuple(valid, fc.nat()).map(([parts, index]) => {
    const body = isObjectBody(parts.body) ? { ...parts.body } : {};
    delete body[required[index % required.length]];
    return assembled('missing-required', { ...parts, body });
  });

  const brokenJson = fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom(
        '',
        '{',
        '{"a":',
        '{"a":1,}',
        "{'a':1}",
        '[1,2',
        'nul',
        '{"a":1}{"b":2}',
        '\u0000',
        '{"a":"\\ud800"}',
        '{"a":"\\x41"}',
        'NaN',
        '{"a":NaN}',
        '{"a":Infinity}',
        '\ufeff{}',
      ),
    )
    .map(([parts, cut, junk]) => {
      const request = assembled('broken-json', parts);
      const text = request.body?.text ?? '{}';
      // Either a prefix of a valid body or a classic of broken JSON.
      const broken = cut % 2 === 0 ? text.slice(0, cut % text.length) : junk;
      return {
        ...request,
        body: { text: broken, contentType: 'application/json' },
      };
    });

  const wrongContentType = fc
    .tuple(
      valid,
      fc.constantFrom<string | undefined>(...WRONG_CONTENT_TYPES, undefined),
    )
    .map(([parts, contentType]) => {
      const request = assembled('wrong-content-type', parts);
      const text = request.body?.text ?? '{"a":1}';
      return { ...request, body: { text, contentType } };
    });

  const pathParameter = fc
    .tuple(valid, fc.nat(), nonEmptyBadParameter)
    .map(([parts, index, value]) => {
      const names = operation.pathParameters.map(parameter => parameter.name);
      const name = names[index % names.length];
      return assembled('path-parameter', {
        ...parts,
        pathParameters: { ...parts.pathParameters, [name]: value },
      });
    });

  const queryParameter = fc
    .tuple(
      valid,
      fc.nat(),
      fc.oneof(
        badParameter.map(value => ({ value, repeat: false, bracket: '' })),
        // Query parameters are mostly numbers (offset, limit): numbers past every bound.
        fc
          .constantFrom(...HUGE_NUMBERS, ...NAN_LIKE_STRINGS)
          .map(value => ({ value, repeat: false, bracket: '' })),
        fc.record({
          value: fc.constantFrom('1', 'a'),
          repeat: fc.boolean(),
          bracket: fc.constantFrom(
            '',
            '[]',
            '[a]',
            '[a][b]',
            '[0]',
            '[__proto__]',
          ),
        }),
      ),
    )
    .map(([parts, index, { value, repeat, bracket }]) => {
      const request = assembled('query-parameter', parts);
      const names = [
        ...operation.queryParameters.map(parameter => parameter.name),
        'unknownParameter',
      ];
      const name = names[index % names.length];
      const query = request.query.filter(([key]) => key !== name);
      query.push([`${name}${bracket}`, value]);
      if (repeat) query.push([name, value]);
      return { ...request, query };
    });

  return fc.oneof(
    {
      arbitrary: valid.map(parts => assembled('valid-shaped', parts)),
      weight: 4,
    },
    { arbitrary: spoiledField, weight: 4 },
    { arbitrary: wholeBody, weight: 1 },
    { arbitrary: unknownField, weight: 1 },
    // Only defects the operation can have: no missing field where none is required.
    ...(required.length ? [{ arbitrary: missingRequired, weight: 1 }] : []),
    { arbitrary: brokenJson, weight: 1 },
    { arbitrary: wrongContentType, weight: 1 },
    ...(operation.pathParameters.length
      ? [{ arbitrary: pathParameter, weight: 2 }]
      : []),
    { arbitrary: queryParameter, weight: 2 },
  );
}

/** Percent-encodes every byte of a string's UTF-8 but the unreserved characters. */
export function percentEncoded(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map(byte => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(char)
        ? char
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** The request's URL under the plugin's base path: path parameters and query encoded. */
export function urlOf(operation: SpecOperation, request: FuzzRequest): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
    percentEncoded(request.pathParameters[name] ?? ''),
  );
  if (!request.query.length) return path;
  const query = request.query
    .map(([name, value]) => `${percentEncoded(name)}=${percentEncoded(value)}`)
    .join('&');
  return `${path}?${query}`;
}

/** The parameters a record pool must exist for: every path parameter of the spec. */
export function pathParameterNames(operations: SpecOperation[]): string[] {
  return [
    ...new Set(
      operations.flatMap(operation =>
        operation.pathParameters.map(
          (parameter: SpecParameter) => parameter.name,
        ),
      ),
    ),
  ].sort();
}
