import { normalizeEntityRef } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import {
  coresToMillicores,
  fromJson,
  fromJsonOrUndefined,
  gibToMib,
  mibToGib,
  millicoresToCores,
  optional,
  toBool,
  toIso,
  toIsoOrUndefined,
  toJson,
} from './rows';

/** How one field of a record is kept in a column: its name and the conversion each way. */
export interface Column<V> {
  readonly name: string;
  /** The column's value as read (engine-specific: SQLite and PostgreSQL differ) to the field's. */
  read(value: unknown): V;
  /** The field's value to what is written to the column. */
  write(value: V): unknown;
}

function column<V>(
  name: string,
  read: (value: unknown) => V,
  write: (value: V) => unknown = value => value,
): Column<V> {
  return { name, read, write };
}

const orNull = (value: unknown) => value ?? null;

/** What ends a message cut to fit its column. */
const CUT_MARK = '…';

/**
 * A message cut to at most `maxLength` characters (code points, as PostgreSQL counts them),
 * ending with an ellipsis when it was cut. Messages come from clusters and webhooks and have no
 * bound of their own; a longer one must not make the write that records it fail.
 */
export function boundedText(text: string, maxLength: number): string {
  const characters = Array.from(text);
  if (characters.length <= maxLength) return text;
  return characters.slice(0, maxLength - CUT_MARK.length).join('') + CUT_MARK;
}

/** The kinds of columns Shepherd's tables have, each the same on SQLite and PostgreSQL. */
export const columns = {
  text: <V extends string = string>(name: string) =>
    column<V>(name, value => value as V),
  optionalText: <V extends string = string>(name: string) =>
    column<V | undefined>(name, value => optional(value as V | null), orNull),
  /**
   * The entity ref of a person (a user or group), written in its normal form: refs are
   * case-insensitive, and queries compare them with refs folded the same way.
   */
  entityRef: (name: string) =>
    column<string>(name, value => value as string, normalizeEntityRef),
  optionalEntityRef: (name: string) =>
    column<string | undefined>(
      name,
      value => optional(value as string | null),
      value => (value === undefined ? null : normalizeEntityRef(value)),
    ),
  /** Text from outside (cluster and provider messages), cut to fit a `varchar(maxLength)`. */
  optionalMessage: (name: string, maxLength: number) =>
    column<string | undefined>(
      name,
      value => optional(value as string | null),
      value => (value === undefined ? null : boundedText(value, maxLength)),
    ),
  number: (name: string) => column<number>(name, Number),
  optionalNumber: (name: string) =>
    column<number | undefined>(
      name,
      value =>
        value === null || value === undefined ? undefined : Number(value),
      orNull,
    ),
  boolean: (name: string) => column<boolean>(name, toBool),
  timestamp: (name: string) => column<string>(name, toIso),
  optionalTimestamp: (name: string) =>
    column<string | undefined>(name, toIsoOrUndefined, orNull),
  /** JSON kept as text. */
  json: <V>(name: string, fallback: V) =>
    column<V>(name, value => fromJson(value, fallback), toJson),
  optionalJson: <V>(name: string) =>
    column<V | undefined>(
      name,
      value => fromJsonOrUndefined<V>(value),
      value => (value === undefined || value === null ? null : toJson(value)),
    ),
  /** CPU cores kept in millicores, so the API's 0.5 steps stay exact. */
  cores: (name: string) =>
    column<number>(
      name,
      value => millicoresToCores(Number(value)),
      coresToMillicores,
    ),
  /** GiB kept in MiB. */
  gib: (name: string) =>
    column<number>(name, value => mibToGib(Number(value)), gibToMib),
};

/** The size of the `status_message` columns of VMs and clusters (`varchar(1024)`). */
export const STATUS_MESSAGE_MAX_LENGTH = 1024;

/** What a cluster last said of a VM's or its own state: a message cut to fit its column. */
export const STATUS_MESSAGE_COLUMN = columns.optionalMessage(
  'status_message',
  STATUS_MESSAGE_MAX_LENGTH,
);

/**
 * The longest error message Shepherd keeps (jobs' last errors, failed domain events, the
 * error of a failure's audit row and notification). Their columns are `text`, unbounded on
 * PostgreSQL, but a provider's message is not: a webhook can answer megabytes, which would
 * be copied into every retry and every page that shows the failure.
 */
export const ERROR_MESSAGE_MAX_LENGTH = 4096;

/** An error message cut to {@link ERROR_MESSAGE_MAX_LENGTH}. */
export function boundedError(message: string): string {
  return boundedText(message, ERROR_MESSAGE_MAX_LENGTH);
}

/** The column of an error message, cut to {@link ERROR_MESSAGE_MAX_LENGTH} when written. */
export const errorMessageColumn = (name: string) =>
  columns.optionalMessage(name, ERROR_MESSAGE_MAX_LENGTH);

/** When a record was created and when it last changed. */
export const TIMESTAMP_COLUMNS = {
  createdAt: columns.timestamp('created_at'),
  updatedAt: columns.timestamp('updated_at'),
};

/** Who created a record, when, and when it last changed: the records people edit. */
export const AUTHORSHIP_COLUMNS = {
  createdBy: columns.text('created_by'),
  ...TIMESTAMP_COLUMNS,
};

/** The column of every field of a record. */
export type ColumnsOf<T> = { [K in keyof T]-?: Column<T[K]> };

/**
 * One table's mapping between records and rows, written once: the reader, the row of an
 * insert and the columns of an update all come from it.
 */
export class TableMapping<T extends object> {
  readonly #fields: Array<[keyof T, Column<unknown>]>;

  constructor(readonly table: string, fields: ColumnsOf<T>) {
    this.#fields = Object.entries(fields) as Array<[keyof T, Column<unknown>]>;
  }

  /** The record of a row (a function of its own, to hand to `map`). */
  readonly read = (row: Record<string, unknown>): T => {
    const record = {} as Record<keyof T, unknown>;
    for (const [field, { name, read }] of this.#fields) {
      record[field] = read(row[name]);
    }
    return record as T;
  };

  /** The row of a whole record, for an insert. */
  write(record: T): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (const [field, { name, write }] of this.#fields) {
      row[name] = write(record[field]);
    }
    return row;
  }

  /** The columns of the fields a patch sets; fields it leaves undefined stay as they are. */
  patch(patch: Partial<T>): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (const [field, { name, write }] of this.#fields) {
      if (patch[field] !== undefined) {
        row[name] = write(patch[field]);
      }
    }
    return row;
  }

  /** The columns of some fields. */
  columnsOf(fields: ReadonlyArray<keyof T>): string[] {
    return this.#fields
      .filter(([field]) => fields.includes(field))
      .map(([, { name }]) => name);
  }

  /** The query of the table's records: the columns of their fields. */
  select(db: Knex): Knex.QueryBuilder {
    return db(this.table).select(this.qualifiedColumns());
  }

  /** The table's columns, qualified by its name (for selects that join other tables). */
  qualifiedColumns(): string[] {
    return this.#fields.map(([, { name }]) => `${this.table}.${name}`);
  }
}
