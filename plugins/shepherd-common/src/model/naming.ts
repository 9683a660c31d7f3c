import {
  SHEPHERD_ERROR_CODES,
  SHEPHERD_WARNING_CODES,
  ShepherdErrorCode,
  ShepherdWarning,
} from './errors';

/** Longest System, Service or Namespace name: they are combined into VM names. @public */
export const NAME_MAX_LENGTH = 15;
/** Names longer than this are accepted with a warning. @public */
export const NAME_WARNING_LENGTH = 12;
/** Longest generated VM name: three names, three dashes and a two-digit index. @public */
export const VM_NAME_MAX_LENGTH = 50;
/** Longest name of a cluster, template or instance size (a DNS label). @public */
export const CATALOG_NAME_MAX_LENGTH = 63;
/** The largest instance index a VM name can carry (two digits). @public */
export const MAX_INSTANCE_INDEX = 99;

/** @public */
export const RESERVED_NAMES: readonly string[] = [
  'default',
  'system',
  'admin',
  'root',
  'internal',
];
/** @public */
export const RESERVED_NAME_PREFIXES: readonly string[] = [
  'kube-',
  'kubevirt-shepherd-',
];

/** What a governed name names, for messages. @public */
export type NamedEntity = 'system' | 'service' | 'namespace';

const LABEL_PATTERN = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

/** @public */
export type NameCheck =
  | { ok: true; warnings: ShepherdWarning[] }
  | {
      ok: false;
      code: ShepherdErrorCode;
      message: string;
      details: Record<string, unknown>;
    };

/**
 * Checks a System, Service or Namespace name: an RFC 1035 label that starts with a letter,
 * has no `--`, is at most 15 characters (a warning above 12) and is not reserved.
 *
 * @public
 */
export function checkResourceName(
  entity: NamedEntity,
  name: string,
): NameCheck {
  const details = {
    entity,
    name,
    length: name.length,
    maxLength: NAME_MAX_LENGTH,
  };
  if (!LABEL_PATTERN.test(name) || name.includes('--')) {
    return {
      ok: false,
      code: SHEPHERD_ERROR_CODES.NAME_INVALID,
      message: `The ${entity} name '${name}' must use lowercase letters, digits and single dashes, start with a letter and end with a letter or digit`,
      details,
    };
  }
  if (name.length > NAME_MAX_LENGTH) {
    return {
      ok: false,
      code: SHEPHERD_ERROR_CODES.NAME_TOO_LONG,
      message: `The ${entity} name '${name}' has ${name.length} characters; at most ${NAME_MAX_LENGTH} are allowed`,
      details: {
        ...details,
        suggestion: name.slice(0, NAME_MAX_LENGTH).replace(/-+$/, ''),
      },
    };
  }
  if (
    RESERVED_NAMES.includes(name) ||
    RESERVED_NAME_PREFIXES.some(prefix => name.startsWith(prefix))
  ) {
    return {
      ok: false,
      code: SHEPHERD_ERROR_CODES.NAME_RESERVED,
      message: `The ${entity} name '${name}' is reserved`,
      details,
    };
  }
  const warnings: ShepherdWarning[] =
    name.length > NAME_WARNING_LENGTH
      ? [
          {
            code: SHEPHERD_WARNING_CODES.NAME_LENGTH_WARNING,
            message: `The ${entity} name '${name}' is longer than ${NAME_WARNING_LENGTH} characters, which makes VM names long`,
          },
        ]
      : [];
  return { ok: true, warnings };
}

/**
 * Checks the name of a cluster, template or instance size: a DNS label of at most 63
 * characters. Returns an error message, or undefined when the name is valid.
 *
 * @public
 */
export function checkCatalogName(name: string): string | undefined {
  if (!LABEL_PATTERN.test(name) || name.length > CATALOG_NAME_MAX_LENGTH) {
    return `'${name}' must be a lowercase DNS label of at most ${CATALOG_NAME_MAX_LENGTH} characters that starts with a letter`;
  }
  return undefined;
}

/** Longest Kubernetes name that is a DNS-1123 subdomain (PVCs, storage classes). @public */
export const DNS_SUBDOMAIN_MAX_LENGTH = 253;
/** Longest Kubernetes name that is a DNS-1123 label (namespaces). @public */
export const DNS_LABEL_MAX_LENGTH = 63;

const DNS_LABEL_PATTERN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN_PATTERN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * Whether a value is a DNS-1123 label, as Kubernetes names namespaces.
 *
 * @public
 */
export function isDnsLabel(value: string): boolean {
  return value.length <= DNS_LABEL_MAX_LENGTH && DNS_LABEL_PATTERN.test(value);
}

/**
 * Whether a value is a DNS-1123 subdomain, as Kubernetes names PVCs and storage classes.
 *
 * @public
 */
export function isDnsSubdomain(value: string): boolean {
  return (
    value.length <= DNS_SUBDOMAIN_MAX_LENGTH &&
    DNS_SUBDOMAIN_PATTERN.test(value)
  );
}

/**
 * Characters of the disambiguator a Service's VM names carry when an older Service's names
 * read the same (see {@link buildVmName}).
 *
 * @public
 */
export const VM_NAME_DISAMBIGUATOR_LENGTH = 6;

/**
 * Longest generated VM name with a disambiguator: {@link VM_NAME_MAX_LENGTH} plus `--` and
 * the disambiguator (still a DNS label).
 *
 * @public
 */
export const DISAMBIGUATED_VM_NAME_MAX_LENGTH =
  VM_NAME_MAX_LENGTH + 2 + VM_NAME_DISAMBIGUATOR_LENGTH;

/**
 * The platform-generated VM name `{namespace}-{system}-{service}-{NN}`.
 *
 * System and Service names contain dashes, so System `a-b` with Service `c` and System `a`
 * with Service `b-c` read alike (`{namespace}-a-b-c-{NN}`). The older of two such Services
 * keeps this profile; the younger one's names carry a `disambiguator` after a double dash,
 * `{namespace}-{system}-{service}--{disambiguator}-{NN}`, which no plain name can contain
 * (names have no `--`), so generated names never coincide.
 *
 * @public
 */
export function buildVmName(parts: {
  namespace: string;
  system: string;
  service: string;
  index: number;
  disambiguator?: string;
}): string {
  const index = String(parts.index).padStart(2, '0');
  const stem = parts.disambiguator
    ? `${parts.service}--${parts.disambiguator}`
    : parts.service;
  return `${parts.namespace}-${parts.system}-${stem}-${index}`;
}

/**
 * The longest a generated VM name may be: {@link VM_NAME_MAX_LENGTH}, and
 * {@link DISAMBIGUATED_VM_NAME_MAX_LENGTH} for names with a disambiguator.
 *
 * @public
 */
export function vmNameMaxLength(disambiguated: boolean): number {
  return disambiguated ? DISAMBIGUATED_VM_NAME_MAX_LENGTH : VM_NAME_MAX_LENGTH;
}

/**
 * The part of VM names two Services must not share: `{system}-{service}`.
 *
 * @public
 */
export function vmNameStem(system: string, service: string): string {
  return `${system}-${service}`;
}
