import { useUrlListQuery } from '../common';

/** The views of the Systems & Services index, in the `view` search param. */
export const INDEX_VIEWS = ['systems', 'services'] as const;
export type IndexView = (typeof INDEX_VIEWS)[number];

type IndexFilters = { view: IndexView; search: string };

function readIndexFilters(params: URLSearchParams): IndexFilters {
  return {
    view: params.get('view') === 'services' ? 'services' : 'systems',
    search: params.get('search') ?? '',
  };
}

function writeIndexFilters(filters: IndexFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view !== 'systems') params.set('view', filters.view);
  if (filters.search) params.set('search', filters.search);
  return params;
}

/**
 * The index's state, kept in the URL so links and the back button keep it: the view, the
 * search text and the paging. A new search or view starts at the first page.
 */
export function useSearchListQuery() {
  const { filters, paging, setFilters, setPaging } = useUrlListQuery({
    read: readIndexFilters,
    write: writeIndexFilters,
  });
  const { view, search } = filters;
  return {
    view,
    search,
    query: { ...(search ? { search } : {}), ...paging },
    setView: (next: IndexView) => setFilters({ view: next, search }),
    setSearch: (next: string) => setFilters({ view, search: next }),
    setPaging,
  };
}
