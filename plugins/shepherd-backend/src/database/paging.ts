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
