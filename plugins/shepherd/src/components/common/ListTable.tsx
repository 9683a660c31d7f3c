import { Table, TableColumn } from '@backstage/core-components';
import { CSSProperties, ReactNode } from 'react';
import { WHOLE_WORDS } from './cellStyles';
import { ListSort } from './listSort';

/** A column of a list table; one with `orderBy` can be sorted by, on the server. */
export type ListColumn<T extends object, K extends string = string> = Omit<
  TableColumn<T>,
  'sorting' | 'defaultSort' | 'customSort'
> & {
  /** The API's `orderBy` value that sorts the list by this column. */
  orderBy?: K;
};

/** Keeps the rows in the order the server sent them: the table sorts nothing itself. */
const KEEP_SERVER_ORDER = () => 0;

/**
 * A table of one page of a Shepherd list: dense, without the table's own paging, search or
 * toolbar, since lists are paged and filtered on the server. Given `onSortChange`, the headers
 * of the columns with an `orderBy` sort the list: a click asks for the new order (the list
 * loads it from the server), and the header shows `sort`.
 */
export function ListTable<T extends object, K extends string = string>(props: {
  columns: ListColumn<T, K>[];
  data: T[];
  emptyContent?: ReactNode;
  rowStyle?: (row: T) => CSSProperties;
  sort?: ListSort<K>;
  onSortChange?: (sort: ListSort<K>) => void;
}) {
  const { sort = {}, onSortChange } = props;
  const columns: TableColumn<T>[] = props.columns.map(
    ({ orderBy, ...column }) => {
      const sortable = Boolean(onSortChange && orderBy);
      return {
        // A narrow column breaks between words, never inside one (the theme's default).
        cellStyle: WHOLE_WORDS,
        ...column,
        sorting: sortable,
        ...(sortable && {
          customSort: KEEP_SERVER_ORDER,
          ...(orderBy === sort.orderBy && { defaultSort: sort.order ?? 'asc' }),
        }),
      };
    },
  );
  const changeOrder = (index: number, direction: 'asc' | 'desc' | '') => {
    const orderBy = props.columns[index]?.orderBy;
    // A third click on a header clears its order: back to the list's own order.
    onSortChange?.(orderBy && direction ? { orderBy, order: direction } : {});
  };
  return (
    <Table<T>
      // The table keeps the order its headers show in its own state: a new order from the
      // URL (the back button, a link) starts it afresh.
      key={`${sort.orderBy ?? ''}:${sort.order ?? ''}`}
      columns={columns}
      data={props.data}
      emptyContent={props.emptyContent}
      onOrderChange={onSortChange ? changeOrder : undefined}
      options={{
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
        sorting: Boolean(onSortChange),
        // Another column starts ascending, whatever the direction of the last one.
        keepSortDirectionOnColumnSwitch: false,
        draggable: false,
        ...(props.rowStyle ? { rowStyle: props.rowStyle } : {}),
      }}
    />
  );
}
