import { ListOrder } from '@kubevirt-shepherd/plugin-shepherd-common';
import { Knex } from 'knex';

/** The order a caller asked a list for: one of the list's sortable columns, and a direction. */
export interface ListSort<K extends string> {
  orderBy?: K;
  order?: ListOrder;
}

/**
 * Orders a list by the column a caller chose from the list's whitelist (`columns` maps each
 * API name to its SQL column), or by `defaultOrder` when none was chosen. The row id breaks
 * ties in the same direction, so that rows with equal values keep one order from page to
 * page and paging neither repeats nor skips them. Only whitelisted column names reach SQL.
 */
export function orderList<K extends string>(
  query: Knex.QueryBuilder,
  sort: ListSort<K>,
  options: {
    columns: Record<K, string>;
    idColumn: string;
    defaultOrder: Array<{ column: string; order?: ListOrder }>;
  },
): void {
  if (!sort.orderBy) {
    query.orderBy(options.defaultOrder);
    return;
  }
  const column = options.columns[sort.orderBy];
  if (!column) {
    // The spec refuses unknown columns; this guards callers that bypass the router.
    throw new Error(`Cannot order by ${sort.orderBy}`);
  }
  const order = sort.order ?? 'asc';
  // Rows without a value (a request for a VM not named yet) come last in both directions and
  // on both databases: SQLite and PostgreSQL would otherwise put NULLs at opposite ends.
  query.orderByRaw('?? is null', [column]).orderBy([
    { column, order },
    { column: options.idColumn, order },
  ]);
}
