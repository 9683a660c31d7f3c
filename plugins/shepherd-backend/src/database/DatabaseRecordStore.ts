import { Page } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { TableMapping } from './columns';
import { NamedRecordStore } from './NamedRecordStore';
import { PageRequest, fetchPage } from './paging';
import {
  PermissionConditions,
  PermissionFilterColumns,
  applyPermissionFilter,
} from './permissionFilter';
import { isUuid } from './rows';

/**
 * How a store reads its records when they show more than their own table holds (a VM shows
 * the names of its System and Service): the query that joins them, and the record of a row.
 */
export interface RecordView<R> {
  select(db: Knex): Knex.QueryBuilder;
  read(row: Record<string, unknown>): R;
}

/** The fields of a catalog entry that stay as they were created when it is replaced. */
export const FIXED_AT_CREATION = ['name', 'createdBy', 'createdAt'] as const;

/**
 * What the stores of a table of records share, on the table's {@link TableMapping}: records
 * are written from the mapping, read through the store's view, found by their id (a UUID),
 * and changed, replaced or deleted by it.
 *
 * Writes are protected: each store offers only those its interface names (see
 * {@link DatabaseRecordStore} for the stores that insert records as they are).
 */
export abstract class DatabaseTableStore<T extends { id: string }, R = T> {
  constructor(protected readonly db: Knex) {}

  /** The store's table and how its records map to its rows. */
  protected abstract readonly mapping: TableMapping<T>;

  /**
   * How the store reads its records: by default as the mapping wrote them (R is T); stores
   * whose records show names joined from other tables read them through a view of their own.
   */
  protected get view(): RecordView<R> {
    return this.mapping as unknown as RecordView<R>;
  }

  /** The record of an id; undefined for an unknown id and for a value that is no UUID. */
  async get(id: string): Promise<R | undefined> {
    if (!isUuid(id)) return undefined;
    return this.findOne({ [`${this.mapping.table}.id`]: id });
  }

  /** The query of the store's records, to be filtered and ordered. */
  protected selectRecords(): Knex.QueryBuilder {
    return this.view.select(this.db);
  }

  protected readonly readRecord = (row: Record<string, unknown>): R =>
    this.view.read(row);

  /** The first record matching `where`, if any. */
  protected async findOne(where: Record<string, unknown>) {
    const row = await this.selectRecords().where(where).first();
    return row && this.readRecord(row);
  }

  /** All records a query finds, in its order. */
  protected async findAll(query: Knex.QueryBuilder): Promise<R[]> {
    const rows: Array<Record<string, unknown>> = await query;
    return rows.map(this.readRecord);
  }

  /**
   * One page of the records a filtered and ordered query finds, narrowed by the caller's
   * permission conditions where given: `permissionColumns` says where this table keeps what
   * they ask about.
   */
  protected async page(
    query: Knex.QueryBuilder,
    options: PageRequest & { conditions?: PermissionConditions },
    permissionColumns: PermissionFilterColumns = {},
  ): Promise<Page<R>> {
    if (options.conditions) {
      applyPermissionFilter(
        query,
        options.conditions,
        permissionColumns,
        this.db,
      );
    }
    return fetchPage(query, options, this.readRecord);
  }

  /** Inserts a record, with the columns it has besides its fields. */
  protected async insertRecord(
    record: T,
    otherColumns: Record<string, unknown> = {},
  ): Promise<void> {
    await this.db(this.mapping.table).insert({
      ...this.mapping.write(record),
      ...otherColumns,
    });
  }

  /** Writes the fields a patch sets; the others stay as they are. */
  protected async updateRecord(id: string, patch: Partial<T>): Promise<void> {
    await this.db(this.mapping.table)
      .where({ id })
      .update(this.mapping.patch(patch));
  }

  /** Writes every field of a record as given, but its id and the `fixed` ones. */
  protected async replaceRecord(
    record: T,
    fixed: ReadonlyArray<keyof T>,
  ): Promise<void> {
    const row = this.mapping.write(record);
    for (const column of this.mapping.columnsOf(['id', ...fixed])) {
      delete row[column];
    }
    await this.db(this.mapping.table).where({ id: record.id }).update(row);
  }

  /**
   * Writes the fields a patch sets if, and only if, the record's status is one of `from`;
   * answers whether it did. The condition is part of the UPDATE, so of concurrent moves
   * one wins.
   */
  protected async transitionRecord(
    id: string,
    from: readonly string[],
    patch: Partial<T>,
  ): Promise<boolean> {
    const updated = await this.db(this.mapping.table)
      .where({ id })
      .whereIn('status', from)
      .update(this.mapping.patch(patch));
    return updated === 1;
  }

  protected async deleteRecord(id: string): Promise<void> {
    await this.db(this.mapping.table).where({ id }).delete();
  }
}

/** A store whose records are inserted as they are: their row is all they hold. */
export abstract class DatabaseRecordStore<
  T extends { id: string },
  R = T,
> extends DatabaseTableStore<T, R> {
  async insert(record: T): Promise<void> {
    await this.insertRecord(record);
  }
}

/** {@link NamedRecordStore} on its table. */
export abstract class DatabaseNamedRecordStore<
    T extends { id: string; name: string },
  >
  extends DatabaseRecordStore<T>
  implements NamedRecordStore<T>
{
  async getByName(name: string): Promise<T | undefined> {
    return this.findOne({ [`${this.mapping.table}.name`]: name });
  }

  async delete(id: string): Promise<void> {
    await this.deleteRecord(id);
  }
}
