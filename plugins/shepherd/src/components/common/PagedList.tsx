import { EmptyState, Progress } from '@backstage/core-components';
import { Page } from '@kubevirt-shepherd/plugin-shepherd-common';
import Button from '@material-ui/core/Button';
import { ReactNode } from 'react';
import { PaginationBar } from './PaginationBar';
import { CLEAR_FILTERS_LABEL } from './filters';

/**
 * One page of a list loaded from the API: a spinner until the first page arrives, the
 * first-run content while nothing exists yet (an empty page without filters), otherwise the
 * page's table and the paging bar under it.
 */
export function PagedList<P extends Page<unknown>>(props: {
  page?: P;
  loading: boolean;
  /** Shown instead of the table when there is nothing at all yet. */
  firstRun: ReactNode;
  /** Whether filters are set: an empty filtered page is a table saying nothing matches. */
  filtered?: boolean;
  /** Whether the paging bar is shown under the page; by default always. */
  showPaging?: (page: P) => boolean;
  onPageChange: (paging: { offset: number; limit: number }) => void;
  children: (page: P) => ReactNode;
}) {
  const { page, loading, filtered, showPaging = () => true } = props;
  if (loading && !page) return <Progress />;
  if (!page) return null;
  if (page.totalItems === 0 && !filtered) return <>{props.firstRun}</>;
  return (
    <>
      {props.children(page)}
      {showPaging(page) && (
        <PaginationBar page={page} onChange={props.onPageChange} />
      )}
    </>
  );
}

/** What a filtered list shows when nothing matches, with the way back to everything. */
export function NoMatchState(props: {
  title: string;
  clearLabel: string;
  onClear: () => void;
}) {
  return (
    <EmptyState
      missing="data"
      title={props.title}
      action={<Button onClick={props.onClear}>{props.clearLabel}</Button>}
    />
  );
}

/**
 * A list the server filters and pages: the first-run state while nothing exists at all, and,
 * while the filters match nothing, a table saying so with the way back to everything.
 */
export function FilteredPagedList<P extends Page<unknown>>(props: {
  page?: P;
  loading: boolean;
  hasFilters: boolean;
  firstRun: { title: string; description: string };
  /** What the table says when the filters match nothing. */
  noMatchTitle: string;
  onClearFilters: () => void;
  onPageChange: (paging: { offset: number; limit: number }) => void;
  /** The page's table; `noMatch` is its content while it is empty. */
  children: (page: P, noMatch: ReactNode) => ReactNode;
}) {
  const noMatch = (
    <NoMatchState
      title={props.noMatchTitle}
      clearLabel={CLEAR_FILTERS_LABEL}
      onClear={props.onClearFilters}
    />
  );
  return (
    <PagedList
      page={props.page}
      loading={props.loading}
      filtered={props.hasFilters}
      firstRun={<EmptyState missing="data" {...props.firstRun} />}
      onPageChange={props.onPageChange}
    >
      {page => props.children(page, noMatch)}
    </PagedList>
  );
}
