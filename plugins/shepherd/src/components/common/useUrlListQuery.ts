import { useSearchParams } from 'react-router-dom';
import { readPaging } from './PaginationBar';
import { ListSort, readSort, writeSort } from './listSort';

type Paging = { offset: number; limit: number };

/**
 * A list's query kept in the URL, so that links and the back button keep it: the list's
 * filters, which the list reads from and writes to search params, its order (for lists with
 * `sortable` columns, in `orderBy` and `order`) and its paging. New filters and a new order
 * start at the first page.
 */
export function useUrlListQuery<F, K extends string = never>(codec: {
  read: (params: URLSearchParams) => F;
  write: (filters: F) => URLSearchParams;
  /** The columns the server can order this list by (its API's `orderBy` values). */
  sortable?: readonly K[];
}) {
  const [params, setParams] = useSearchParams();
  const filters = codec.read(params);
  const sort = readSort(params, codec.sortable ?? []);
  const paging = readPaging(params);

  const write = (next: F, nextSort: ListSort<K>, page: Paging) => {
    const written = codec.write(next);
    writeSort(written, nextSort);
    if (page.offset) written.set('offset', String(page.offset));
    written.set('limit', String(page.limit));
    setParams(written, { replace: true });
  };
  const firstPage = { offset: 0, limit: paging.limit };

  return {
    filters,
    sort,
    paging,
    setFilters: (next: F) => write(next, sort, firstPage),
    setSort: (next: ListSort<K>) => write(filters, next, firstPage),
    setPaging: (next: Paging) => write(filters, sort, next),
  };
}
