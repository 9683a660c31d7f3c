import { SHEPHERD_INPUT_LIMITS } from '@kubevirt-shepherd/plugin-shepherd-common';

/*
 * The text search of a list the server searches, kept in the `search` URL search param
 * (the name of the API's query parameter too).
 */

export const SEARCH_PARAM = 'search';
/** The longest search text the API takes (SearchText in openapi.yaml). */
export const MAX_SEARCH_LENGTH = SHEPHERD_INPUT_LIMITS.searchMaxLength;

/** The filters of a list whose only filter is its search. */
export type SearchFilter = { search?: string };

/** The search text in the URL, trimmed; undefined when there is none. */
export function readSearch(params: URLSearchParams): string | undefined {
  const search = params.get(SEARCH_PARAM)?.trim().slice(0, MAX_SEARCH_LENGTH);
  return search || undefined;
}

/** Writes a search text into URL search params; none writes nothing. */
export function writeSearch(
  params: URLSearchParams,
  search: string | undefined,
): void {
  if (search) params.set(SEARCH_PARAM, search);
}

/** How a list whose only filter is its search keeps it in the URL (see useUrlListQuery). */
export const SEARCH_ONLY: {
  read: (params: URLSearchParams) => SearchFilter;
  write: (filters: SearchFilter) => URLSearchParams;
} = {
  read: params => ({ search: readSearch(params) }),
  write: filters => {
    const params = new URLSearchParams();
    writeSearch(params, filters.search);
    return params;
  },
};

/** What a search in requests (My requests, the approval queue) looks at. */
export const TICKET_SEARCH_HELP =
  'Matches the VM, Service, System, requester or reason';
