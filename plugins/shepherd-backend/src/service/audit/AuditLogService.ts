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

/** The filters of an export: those of the audit search, without its paging. */
export type AuditExportQuery = Omit<AuditLogQuery, 'offset' | 'limit'>;

/** The most entries one export writes; narrower filters (from, to) get the rest. */
export const AUDIT_EXPORT_MAX_ENTRIES = 10_000;
/** How many entries an export reads at a time, so that it never holds the whole trail. */
const AUDIT_EXPORT_PAGE_SIZE = 500;

/** The entries an export writes, newest first, and whether more matched than it may write. */
export interface AuditExport {
  truncated: boolean;
  entries: AsyncIterable<AuditLogEntry>;
}

/** Reading the append-only audit trail; nothing here writes it (see AuditRecorder). */
export interface AuditLogService {
  list(actor: Actor, query: AuditLogQuery): Promise<Page<AuditLogEntry>>;
  get(actor: Actor, id: string): Promise<AuditLogEntry>;
  /** The entries the filters select, for a download: at most AUDIT_EXPORT_MAX_ENTRIES. */
  export(actor: Actor, query: AuditExportQuery): Promise<AuditExport>;
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

/** The filters with their time range as UTC timestamps; a range that ends before it starts is refused. */
function withUtcRange<Q extends AuditExportQuery>(query: Q): Q {
  const from = toUtcTimestamp('from', query.from);
  const to = toUtcTimestamp('to', query.to);
  if (from && to && from > to) {
    throw invalidInput(
      SHEPHERD_ERROR_CODES.VALIDATION_FAILED,
      'from must not be later than to',
    );
  }
  return { ...query, from, to };
}

/**
 * The audit trail as stored. Trusts its caller to have checked that the actor may read it
 * (see AuthorizedAuditLogService).
 */
export class DefaultAuditLogService implements AuditLogService {
  readonly #exportLimits: { maxEntries: number; pageSize: number };

  constructor(
    private readonly store: AuditStore,
    /** How much one export writes and reads at a time; tests make them small. */
    exportLimits: { maxEntries?: number; pageSize?: number } = {},
  ) {
    this.#exportLimits = {
      maxEntries: exportLimits.maxEntries ?? AUDIT_EXPORT_MAX_ENTRIES,
      pageSize: exportLimits.pageSize ?? AUDIT_EXPORT_PAGE_SIZE,
    };
  }

  async list(_actor: Actor, query: AuditLogQuery) {
    return this.store.list(withUtcRange(query));
  }

  async export(_actor: Actor, query: AuditExportQuery): Promise<AuditExport> {
    const filter = withUtcRange(query);
    const { maxEntries, pageSize } = this.#exportLimits;
    const readPage = (offset: number) =>
      this.store.list({
        ...filter,
        offset,
        limit: Math.min(pageSize, maxEntries - offset),
      });
    // The first page is read before anything is written, so that the caller learns whether
    // the export is cut short while it can still say so (in a response header).
    const first = await readPage(0);
    const total = Math.min(first.totalItems, maxEntries);
    async function* entries() {
      yield* first.items;
      for (let offset = first.items.length; offset < total; ) {
        const page = await readPage(offset);
        // Nothing more where more was counted: entries were appended meanwhile, ending early.
        if (page.items.length === 0) return;
        yield* page.items;
        offset += page.items.length;
      }
    }
    return { truncated: first.totalItems > maxEntries, entries: entries() };
  }

  async get(_actor: Actor, id: string) {
    return found(await this.store.get(id), 'Audit log entry');
  }
}
