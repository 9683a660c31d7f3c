import { errors } from '../api/status';
import { StoredObject } from '../types';

/** One requirement of a label selector (`a=b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`). */
export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'doesnotexist' };

export type LabelSelector = LabelRequirement[];

const KEY = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;

function assertKey(key: string, selector: string): string {
  if (!KEY.test(key)) {
    throw errors.badRequest(
      `unable to parse requirement: invalid label key "${key}" in selector "${selector}"`,
    );
  }
  return key;
}

/** Splits on commas that are not inside `(…)`: `a in (x,y),b=c` has two requirements. */
function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of input) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

/** Parses the `labelSelector` query parameter with the grammar of Kubernetes' labels package. */
export function parseLabelSelector(input: string | null): LabelSelector {
  if (!input) return [];
  return splitTopLevel(input).map((part): LabelRequirement => {
    const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
    if (setMatch) {
      return {
        key: assertKey(setMatch[1], input),
        op: setMatch[2] as 'in' | 'notin',
        values: setMatch[3]
          .split(',')
          .map(v => v.trim())
          .filter(v => v.length > 0),
      };
    }
    const eqMatch = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part);
    if (eqMatch) {
      return {
        key: assertKey(eqMatch[1], input),
        op: eqMatch[2] === '!=' ? 'notin' : 'in',
        values: [eqMatch[3]],
      };
    }
    if (part.startsWith('!')) {
      return {
        key: assertKey(part.slice(1).trim(), input),
        op: 'doesnotexist',
      };
    }
    return { key: assertKey(part, input), op: 'exists' };
  });
}

export function matchesLabels(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const actual = labels ?? {};
  return selector.every(req => {
    const has = Object.prototype.hasOwnProperty.call(actual, req.key);
    switch (req.op) {
      case 'exists':
        return has;
      case 'doesnotexist':
        return !has;
      case 'in':
        return has && req.values.includes(actual[req.key]);
      case 'notin':
        return !has || !req.values.includes(actual[req.key]);
      default:
        return false;
    }
  });
}

export interface FieldRequirement {
  field: string;
  negate: boolean;
  value: string;
}

/** The fields Kubernetes lets every resource be selected by, plus the phases we store. */
const FIELD_GETTERS: Record<string, (o: StoredObject) => string | undefined> = {
  'metadata.name': o => o.metadata.name,
  'metadata.namespace': o => o.metadata.namespace ?? '',
  'status.phase': o => o.status?.phase,
};

export function parseFieldSelector(input: string | null): FieldRequirement[] {
  if (!input) return [];
  return splitTopLevel(input).map(part => {
    const match = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!match) {
      throw errors.badRequest(
        `invalid selector: '${input}'; can't understand '${part}'`,
      );
    }
    if (!FIELD_GETTERS[match[1]]) {
      throw errors.badRequest(`field label not supported: ${match[1]}`);
    }
    return { field: match[1], negate: match[2] === '!=', value: match[3] };
  });
}

export function matchesFields(
  selector: FieldRequirement[],
  object: StoredObject,
): boolean {
  return selector.every(req => {
    const actual = FIELD_GETTERS[req.field](object) ?? '';
    return req.negate ? actual !== req.value : actual === req.value;
  });
}
