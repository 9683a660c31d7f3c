import { Table, TableColumn } from '@backstage/core-components';
import { CSSProperties, ReactNode } from 'react';

/**
 * A table of one page of a Shepherd list: dense, without the table's own paging, search,
 * toolbar or sorting, since lists are paged and filtered on the server.
 */
export function ListTable<T extends object>(props: {
  columns: TableColumn<T>[];
  data: T[];
  emptyContent?: ReactNode;
  rowStyle?: (row: T) => CSSProperties;
}) {
  return (
    <Table<T>
      columns={props.columns}
      data={props.data}
      emptyContent={props.emptyContent}
      options={{
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
        sorting: false,
        draggable: false,
        ...(props.rowStyle ? { rowStyle: props.rowStyle } : {}),
      }}
    />
  );
}
