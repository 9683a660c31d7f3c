import {
  LIST_ORDERS,
  ListOrder,
  isOneOf,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * The order of a list the server sorts: one of the list's sortable columns (its API's
 * `orderBy`) and a direction (`order`), kept in the URL search params of the same names.
 * No column means the list's own order (e.g. oldest first for the approval queue).
 */

/** The URL search params (and API query parameters) of a list's order. */
export const ORDER_BY_PARAM = 'orderBy';
export const ORDER_PARAM = 'order';

/** How a list is ordered; empty for the list's own order. */
export interface ListSort<K extends string = string> {
  orderBy?: K;
  order?: ListOrder;
}

/** The order in the URL, when it names one of the list's sortable columns. */
export function readSort<K extends string>(
  params: URLSearchParams,
  sortable: readonly K[],
): ListSort<K> {
  const orderBy = params.get(ORDER_BY_PARAM);
  if (!isOneOf(sortable, orderBy)) return {};
  const order = params.get(ORDER_PARAM);
  return { orderBy, order: isOneOf(LIST_ORDERS, order) ? order : 'asc' };
}

/** Writes an order into URL search params; the list's own order writes nothing. */
export function writeSort(params: URLSearchParams, sort: ListSort): void {
  if (!sort.orderBy) return;
  params.set(ORDER_BY_PARAM, sort.orderBy);
  params.set(ORDER_PARAM, sort.order ?? 'asc');
}
