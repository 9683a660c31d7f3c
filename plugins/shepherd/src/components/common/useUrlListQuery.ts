import { useSearchParams } from 'react-router-dom';
import { readPaging } from './PaginationBar';

type Paging = { offset: number; limit: number };

/**
 * A list's query kept in the URL, so that links and the back button keep it: the list's
 * filters, which the list reads from and writes to search params, and its paging. New
 * filters start at the first page.
 */
export function useUrlListQuery<F>(codec: {
  read: (params: URLSearchParams) => F;
  write: (filters: F) => URLSearchParams;
}) {
  const [params, setParams] = useSearchParams();
  const filters = codec.read(params);
  const paging = readPaging(params);

  const write = (next: F, page: Paging) => {
    const written = codec.write(next);
    if (page.offset) written.set('offset', String(page.offset));
    written.set('limit', String(page.limit));
    setParams(written, { replace: true });
  };

  return {
    filters,
    paging,
    setFilters: (next: F) => write(next, { offset: 0, limit: paging.limit }),
    setPaging: (next: Paging) => write(filters, next),
  };
}
