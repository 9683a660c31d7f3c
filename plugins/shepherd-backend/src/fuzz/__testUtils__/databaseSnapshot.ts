import { Knex } from 'knex';

/*
 * Every row of every table of the plugin's database, to prove that a refused request wrote
 * nothing. Rows are compared as canonical JSON text (as a multiset per table), so a change of
 * any column of any row shows.
 */

/** A table's rows as canonical JSON text, sorted. */
export type DatabaseSnapshot = Map<string, string[]>;

/**
 * What a refused request may legitimately write: the audit trail records refusals it is told
 * to (an `audit_logs` row with outcome `failure`, never a changed or removed row). Anything
 * else a 4xx leaves behind is a partial write.
 */
export const REFUSAL_MAY_APPEND: Record<
  string,
  (row: Record<string, unknown>) => boolean
> = {
  audit_logs: row => row.outcome === 'failure',
};

async function tableNames(knex: Knex): Promise<string[]> {
  if (knex.client.config.client === 'pg') {
    const result = await knex.raw(
      `select table_name as name from information_schema.tables
       where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    return result.rows.map((row: { name: string }) => row.name).sort();
  }
  const rows = await knex.raw(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  );
  return (rows as Array<{ name: string }>).map(row => row.name).sort();
}

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex')}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map(key => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** The tables of the plugin's database; they do not change while the fuzzer runs. */
const tablesOf = new WeakMap<Knex, Promise<string[]>>();

/** Every table's rows, as plain JSON values, in as few round trips as the engine allows. */
async function rowsByTable(knex: Knex): Promise<Map<string, unknown[]>> {
  if (!tablesOf.has(knex)) tablesOf.set(knex, tableNames(knex));
  const tables = await tablesOf.get(knex)!;
  if (knex.client.config.client !== 'pg') {
    // SQLite runs in the test process: a query per table costs no round trip.
    const entries = await Promise.all(
      tables.map(async table => [table, await knex(table).select()] as const),
    );
    return new Map(entries);
  }
  // One round trip for the whole database: a busy machine makes each one expensive.
  const union = tables
    .map(
      () =>
        `select ? as name, (select coalesce(json_agg(t), '[]'::json)::text from ?? t) as rows`,
    )
    .join(' union all ');
  const result = await knex.raw(
    union,
    tables.flatMap(table => [table, table]),
  );
  return new Map(
    result.rows.map((row: { name: string; rows: string }) => [
      row.name,
      JSON.parse(row.rows),
    ]),
  );
}

export async function takeSnapshot(knex: Knex): Promise<DatabaseSnapshot> {
  const snapshot: DatabaseSnapshot = new Map();
  for (const [table, rows] of await rowsByTable(knex)) {
    snapshot.set(table, rows.map(row => JSON.stringify(canonical(row))).sort());
  }
  return snapshot;
}

/** What changed in one table between two snapshots. */
export interface TableChange {
  table: string;
  added: string[];
  removed: string[];
}

/** Rows in `from` and not in `to`, counting duplicates. */
function minus(from: string[], to: string[]): string[] {
  const remaining = new Map<string, number>();
  for (const row of to) remaining.set(row, (remaining.get(row) ?? 0) + 1);
  return from.filter(row => {
    const count = remaining.get(row) ?? 0;
    if (count === 0) return true;
    remaining.set(row, count - 1);
    return false;
  });
}

/** Every table whose rows differ, tables that appeared or disappeared included. */
export function snapshotChanges(
  before: DatabaseSnapshot,
  after: DatabaseSnapshot,
): TableChange[] {
  const tables = [...new Set([...before.keys(), ...after.keys()])].sort();
  return tables.flatMap(table => {
    const rowsBefore = before.get(table) ?? [];
    const rowsAfter = after.get(table) ?? [];
    const added = minus(rowsAfter, rowsBefore);
    const removed = minus(rowsBefore, rowsAfter);
    return added.length || removed.length ? [{ table, added, removed }] : [];
  });
}

/** The changes a refused request must not make: all but the appends it may make. */
export function partialWrites(changes: TableChange[]): TableChange[] {
  return changes.filter(({ table, added, removed }) => {
    const mayAppend = REFUSAL_MAY_APPEND[table];
    return !(
      mayAppend &&
      removed.length === 0 &&
      added.every(row => mayAppend(JSON.parse(row)))
    );
  });
}
