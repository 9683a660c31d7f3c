import {
  AuditLogEntry,
  Page,
  SHEPHERD_ERROR_CODES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';
import { invalidInput, found } from '../errors';
import { AuditStore } from '../../database/stores/audit/AuditStore';

/**
 * Filters of the audit log; every one given must match. `from` and `to` are RFC 3339
 * timestamps: entries at or after `from`, strictly before `to`.
 */
export type AuditLogQuery = Parameters<AuditStore['list']>[0];

/** Reading the append-only audit trail; nothing here writes it (see AuditRecorder). */
export interface AuditLogService {
  list(actor: Actor, query: AuditLogQuery): Promise<Page<AuditLogEntry>>;
  get(actor: Actor, id: string): Promise<AuditLogEntry>;
}

const RFC_3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * An RFC 3339 timestamp as a UTC ISO string with milliseconds: the form the audit rows are
 * written in, so bounds compare correctly on SQLite (text) and PostgreSQL (timestamptz)
 * alike. Dates that do not exist (February 30th, hour 24) are refused, not rolled over.
 */
function toUtcTimestamp(
  name: 'from' | 'to',
  value: string | undefined,
): string | undefined {
  if (value === undefined) return undefined;
  const refuse = () =>
    invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      `${name} must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z, not '${value}'`,
    );
  const match = RFC_3339.exec(value);
  if (!match) throw refuse();
  const written = match.slice(1, 7).map(Number);
  const [year, month, day, hour, minute, second] = written;
  const millis = match[7] ? Math.floor(Number(`0${match[7]}`) * 1000) : 0;
  const local = new Date(
    Date.UTC(year, month - 1, day, hour, minute, second, millis),
  );
  const normalized = [
    local.getUTCFullYear(),
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
  ];
  // Date.UTC rolls impossible dates over (February 30th becomes March 2nd); refuse them.
  if (normalized.some((part, i) => part !== written[i])) throw refuse();
  let offsetMinutes = 0;
  if (match[8]) {
    const [offsetHours, offsetMins] = [Number(match[9]), Number(match[10])];
    if (offsetHours > 23 || offsetMins > 59) throw refuse();
    offsetMinutes =
      (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  return new Date(local.getTime() - offsetMinutes * 60_000).toISOString();
}

/**
 * The audit trail as stored. Trusts its caller to have checked that the actor may read it
 * (see AuthorizedAuditLogService).
 */
export class DefaultAuditLogService implements AuditLogService {
  constructor(private readonly store: AuditStore) {}

  async list(_actor: Actor, query: AuditLogQuery) {
    const from = toUtcTimestamp('from', query.from);
    const to = toUtcTimestamp('to', query.to);
    if (from && to && from > to) {
      throw invalidInput(
        SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
        'from must not be later than to',
      );
    }
    return this.store.list({ ...query, from, to });
  }

  async get(_actor: Actor, id: string) {
    return found(await this.store.get(id), 'Audit log entry');
  }
}
