import { errors } from '../api/status';

/**
 * Just enough of Kubernetes' protobuf encoding for what stock kubectl sends that way:
 * typed clients (`kubectl create namespace`) post built-in objects as protobuf. The
 * simulator decodes Namespaces and answers JSON, which kubectl accepts as well.
 */

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

type Field = { number: number; value: Buffer | bigint };

function readVarint(buffer: Buffer, offset: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  let position = offset;
  for (;;) {
    if (position >= buffer.length) throw new Error('truncated varint');
    const byte = buffer[position++];
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, position];
    shift += 7n;
  }
}

function readFields(buffer: Buffer): Field[] {
  const fields: Field[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const [key, afterKey] = readVarint(buffer, offset);
    const number = Number(key >> 3n);
    const wireType = Number(key & 7n);
    offset = afterKey;
    if (wireType === 0) {
      const [value, next] = readVarint(buffer, offset);
      fields.push({ number, value });
      offset = next;
    } else if (wireType === 2) {
      const [length, next] = readVarint(buffer, offset);
      const end = next + Number(length);
      fields.push({ number, value: buffer.subarray(next, end) });
      offset = end;
    } else if (wireType === 1) {
      offset += 8;
    } else if (wireType === 5) {
      offset += 4;
    } else {
      throw new Error(`unsupported protobuf wire type ${wireType}`);
    }
  }
  return fields;
}

const text = (fields: Field[], number: number): string | undefined => {
  const field = fields.find(f => f.number === number);
  return Buffer.isBuffer(field?.value)
    ? field!.value.toString('utf8')
    : undefined;
};

function stringMap(
  fields: Field[],
  number: number,
): Record<string, string> | undefined {
  const entries = fields.filter(
    f => f.number === number && Buffer.isBuffer(f.value),
  );
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(entry => {
      const kv = readFields(entry.value as Buffer);
      return [text(kv, 1) ?? '', text(kv, 2) ?? ''];
    }),
  );
}

function objectMeta(buffer: Buffer | undefined) {
  if (!buffer) return {};
  const fields = readFields(buffer);
  const meta: Record<string, unknown> = {};
  const name = text(fields, 1);
  const generateName = text(fields, 2);
  const namespace = text(fields, 3);
  if (name) meta.name = name;
  if (generateName) meta.generateName = generateName;
  if (namespace) meta.namespace = namespace;
  const labels = stringMap(fields, 11);
  const annotations = stringMap(fields, 12);
  if (labels) meta.labels = labels;
  if (annotations) meta.annotations = annotations;
  return meta;
}

export function isProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? '')
    .toLowerCase()
    .startsWith('application/vnd.kubernetes.protobuf');
}

/** Decodes a protobuf-encoded Namespace into its JSON form; other kinds are refused (415). */
export function decodeProtobufObject(body: Buffer): Record<string, unknown> {
  if (!body.subarray(0, 4).equals(MAGIC))
    throw errors.badRequest('protobuf body without the k8s envelope');
  let unknown: Field[];
  try {
    unknown = readFields(body.subarray(4));
  } catch (error) {
    throw errors.badRequest(
      `cannot decode protobuf: ${(error as Error).message}`,
    );
  }
  const typeMeta = unknown.find(f => f.number === 1)?.value;
  const raw = unknown.find(f => f.number === 2)?.value;
  const typeFields = Buffer.isBuffer(typeMeta) ? readFields(typeMeta) : [];
  const apiVersion = text(typeFields, 1);
  const kind = text(typeFields, 2);
  if (kind !== 'Namespace' || !Buffer.isBuffer(raw)) {
    throw errors.unsupportedMediaType('application/vnd.kubernetes.protobuf');
  }
  const namespace = readFields(raw);
  const metadata = objectMeta(
    namespace.find(f => f.number === 1)?.value as Buffer | undefined,
  );
  return { apiVersion: apiVersion ?? 'v1', kind, metadata };
}
