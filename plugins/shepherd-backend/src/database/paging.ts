import { Page } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';
import { toCount } from './rows';

/** Runs a filtered, ordered query for one page, and counts all its matches. */
export async function fetchPage<TRow, TItem>(
  query: Knex.QueryBuilder,
  page: PageRequest,
  toItem: (row: TRow) => TItem,
): Promise<Page<TItem>> {
  const [{ count }] = await query
    .clone()
    .clearSelect()
    .clearOrder()
    .count({ count: '*' });
  const rows: TRow[] = await query.offset(page.offset).limit(page.limit);
  return {
    items: rows.map(toItem),
    totalItems: toCount(count),
    offset: page.offset,
    limit: page.limit,
  };
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/**
 * Every item of a list, read `pageSize` at a time until a page comes back short: for tasks
 * that walk a whole table without holding it in memory.
 */
export async function* readInPages<T>(
  pageSize: number,
  readPage: (page: PageRequest) => Promise<T[]>,
): AsyncGenerator<T> {
  for (let offset = 0; ; offset += pageSize) {
    const items = await readPage({ offset, limit: pageSize });
    yield* items;
    if (items.length < pageSize) return;
  }
}
