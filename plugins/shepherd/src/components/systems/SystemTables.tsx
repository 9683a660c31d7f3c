import { TableColumn } from '@backstage/core-components';
import {
  ShepherdService,
  ShepherdSystem,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { ListTable, RelativeTime, formatEntityRef } from '../common';
import { FilteredVmsLink, SystemLink } from '../links';

/** Said of records created in Shepherd rather than registered from the catalog. */
export const CREATED_IN_SHEPHERD = 'Created in Shepherd';

/** The first line of a Markdown description, for a table cell. */
export function summaryOf(description: string): string {
  const firstLine =
    description
      .split('\n')
      .map(line => line.replace(/^[#>*\-\s]+/, '').trim())
      .find(Boolean) ?? '';
  return firstLine.length > 120 ? `${firstLine.slice(0, 119)}…` : firstLine;
}

/** Where a record came from: its catalog entity, or Shepherd. */
export function OriginCell(props: { entityRef?: string }) {
  return props.entityRef ? (
    <code>{props.entityRef}</code>
  ) : (
    <Typography variant="body2" color="textSecondary">
      {CREATED_IN_SHEPHERD}
    </Typography>
  );
}

const SYSTEM_COLUMNS: TableColumn<ShepherdSystem>[] = [
  {
    title: 'Name',
    render: system => (
      <SystemLink systemId={system.id}>{system.name}</SystemLink>
    ),
  },
  { title: 'Description', render: system => summaryOf(system.description) },
  {
    title: 'Catalog entity',
    render: system => <OriginCell entityRef={system.entityRef} />,
  },
  { title: 'Created by', render: system => formatEntityRef(system.createdBy) },
  {
    title: 'Created',
    render: system => <RelativeTime timestamp={system.createdAt} />,
  },
  {
    title: 'VMs',
    render: system => (
      <FilteredVmsLink systemId={system.id}>VMs</FilteredVmsLink>
    ),
  },
];

/** One page of Systems, each linking to its page and to its VMs. */
export function SystemTable(props: {
  systems: ShepherdSystem[];
  emptyContent?: ReactNode;
}) {
  return (
    <ListTable
      columns={SYSTEM_COLUMNS}
      data={props.systems}
      emptyContent={props.emptyContent}
    />
  );
}

const SERVICE_COLUMNS: TableColumn<ShepherdService>[] = [
  {
    title: 'Service',
    render: service => (
      <SystemLink systemId={service.systemId}>
        {service.systemName}/{service.name}
      </SystemLink>
    ),
  },
  { title: 'Description', render: service => summaryOf(service.description) },
  {
    title: 'Catalog entity',
    render: service => <OriginCell entityRef={service.entityRef} />,
  },
  {
    title: 'Next instance',
    render: service => String(service.nextInstanceIndex).padStart(2, '0'),
  },
  {
    title: 'Created',
    render: service => <RelativeTime timestamp={service.createdAt} />,
  },
  {
    title: 'VMs',
    render: service => (
      <FilteredVmsLink systemId={service.systemId} serviceId={service.id}>
        VMs
      </FilteredVmsLink>
    ),
  },
];

/** One page of Services across Systems, each linking to its System's page and to its VMs. */
export function ServiceTable(props: {
  services: ShepherdService[];
  emptyContent?: ReactNode;
}) {
  return (
    <ListTable
      columns={SERVICE_COLUMNS}
      data={props.services}
      emptyContent={props.emptyContent}
    />
  );
}
