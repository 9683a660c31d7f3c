import { Page } from '@kubevirt-shepherd/plugin-shepherd-common';
import TablePagination from '@material-ui/core/TablePagination';

/** Page sizes offered under lists; the API's default is 20 and its maximum 100. */
export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

/**
 * Paging under a list of the API: shows where `page` sits among `totalItems` and asks for
 * another offset or page size. Lists keep paging on the server, so a table never holds more
 * than one page.
 */
export function PaginationBar(props: {
  page: Pick<Page<unknown>, 'totalItems' | 'offset' | 'limit'>;
  onChange: (paging: { offset: number; limit: number }) => void;
}) {
  const { page, onChange } = props;
  const limit = page.limit || DEFAULT_PAGE_SIZE;
  return (
    <TablePagination
      component="div"
      count={page.totalItems}
      page={Math.floor(page.offset / limit)}
      rowsPerPage={limit}
      rowsPerPageOptions={PAGE_SIZES}
      onPageChange={(_event, pageIndex) =>
        onChange({ offset: pageIndex * limit, limit })
      }
      onRowsPerPageChange={event =>
        onChange({ offset: 0, limit: Number(event.target.value) })
      }
    />
  );
}

/** Reads `offset` and `limit` of a list page from URL search params, falling back to the first page. */
export function readPaging(params: URLSearchParams): {
  offset: number;
  limit: number;
} {
  const offset = Number(params.get('offset'));
  const limit = Number(params.get('limit'));
  return {
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    limit: PAGE_SIZES.includes(limit) ? limit : DEFAULT_PAGE_SIZE,
  };
}
