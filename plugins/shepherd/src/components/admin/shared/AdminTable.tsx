import { Table, TableColumn } from '@backstage/core-components';
import { ReactNode } from 'react';

/** A table of one page of an admin catalog, in the look of the other Shepherd lists. */
export function AdminTable<T extends object>(props: {
  columns: TableColumn<T>[];
  data: T[];
  emptyContent?: ReactNode;
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
      }}
    />
  );
}
