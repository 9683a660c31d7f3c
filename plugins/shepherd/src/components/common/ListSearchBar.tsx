import { FilterBar, SearchField } from './filters';
import { MAX_SEARCH_LENGTH } from './listSearch';

/**
 * The search box over a list the server searches: the text applies once typing pauses, and
 * follows the URL (the back button, "Clear search").
 */
export function ListSearchBar(props: {
  id: string;
  /** What is searched, e.g. "Search requests"; also the bar's accessible name. */
  label: string;
  /** What the search looks at, shown under the box. */
  helperText?: string;
  search: string | undefined;
  onSearch: (search: string | undefined) => void;
}) {
  return (
    <FilterBar label={props.label}>
      <SearchField
        id={props.id}
        label={props.label}
        value={props.search ?? ''}
        onChange={text => props.onSearch(text.trim() || undefined)}
        helperText={props.helperText}
        maxLength={MAX_SEARCH_LENGTH}
      />
    </FilterBar>
  );
}
