import { useSearchParams } from 'react-router-dom';
import { readPaging } from '../common';

/** The views of the Systems & Services index, in the `view` search param. */
export const INDEX_VIEWS = ['systems', 'services'] as const;
export type IndexView = (typeof INDEX_VIEWS)[number];

/**
 * The index's state, kept in the URL so links and the back button keep it: the view, the
 * search text and the paging. A new search or view starts at the first page.
 */
export function useSearchListQuery() {
  const [params, setParams] = useSearchParams();
  const view: IndexView =
    params.get('view') === 'services' ? 'services' : 'systems';
  const search = params.get('search') ?? '';
  const paging = readPaging(params);

  const write = (next: {
    view: IndexView;
    search: string;
    offset: number;
    limit: number;
  }) => {
    const written = new URLSearchParams();
    if (next.view !== 'systems') written.set('view', next.view);
    if (next.search) written.set('search', next.search);
    if (next.offset) written.set('offset', String(next.offset));
    written.set('limit', String(next.limit));
    setParams(written, { replace: true });
  };

  return {
    view,
    search,
    query: { ...(search ? { search } : {}), ...paging },
    setView: (next: IndexView) =>
      write({ view: next, search, offset: 0, limit: paging.limit }),
    setSearch: (next: string) =>
      write({ view, search: next, offset: 0, limit: paging.limit }),
    setPaging: (next: { offset: number; limit: number }) =>
      write({ view, search, ...next }),
  };
}
