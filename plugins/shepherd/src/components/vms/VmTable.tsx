import {
  ShepherdVm,
  VmOrderBy,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ReactNode } from 'react';
import { NOT_SET } from '../../labels';
import {
  EnvironmentChip,
  KEEP_WHOLE,
  ListColumn,
  ListSort,
  ListTable,
  RelativeTime,
  VmStatusBadge,
  formatCpu,
  formatDisk,
  formatMemory,
} from '../common';
import { VmLink } from '../links';

/** CPU, memory and disk of a VM in one cell. */
export function describeResources(vm: ShepherdVm): string {
  return [
    formatCpu(vm.cpuCores),
    formatMemory(vm.memoryGi),
    formatDisk(vm.diskGb),
  ].join(' · ');
}

const COLUMNS: ListColumn<ShepherdVm, VmOrderBy>[] = [
  {
    title: 'Name',
    orderBy: 'name',
    // A name like dev-payments-payment-api-01 stays on one line: browsers break at hyphens.
    cellStyle: KEEP_WHOLE,
    render: vm => <VmLink vmId={vm.id}>{vm.name}</VmLink>,
  },
  {
    title: 'Status',
    orderBy: 'status',
    render: vm => <VmStatusBadge status={vm.status} />,
  },
  {
    title: 'System / Service',
    render: vm => `${vm.systemName} / ${vm.serviceName}`,
  },
  { title: 'Namespace', orderBy: 'namespace', render: vm => vm.namespace },
  {
    title: 'Environment',
    orderBy: 'environment',
    render: vm => <EnvironmentChip environment={vm.environment} />,
  },
  { title: 'Cluster', render: vm => vm.clusterName ?? NOT_SET },
  { title: 'Resources', render: describeResources },
  {
    title: 'Created',
    orderBy: 'createdAt',
    render: vm => <RelativeTime timestamp={vm.createdAt} />,
  },
];

/** One page of VMs, each linking to its page; with `onSortChange`, sortable by its headers. */
export function VmTable(props: {
  vms: ShepherdVm[];
  emptyContent?: ReactNode;
  sort?: ListSort<VmOrderBy>;
  onSortChange?: (sort: ListSort<VmOrderBy>) => void;
}) {
  return (
    <ListTable
      columns={COLUMNS}
      data={props.vms}
      emptyContent={props.emptyContent}
      sort={props.sort}
      onSortChange={props.onSortChange}
    />
  );
}
