import { TableColumn } from '@backstage/core-components';
import { ShepherdVm } from '@kubevirt-shepherd/plugin-shepherd-common';
import { ReactNode } from 'react';
import { NOT_SET } from '../../labels';
import {
  EnvironmentChip,
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

const COLUMNS: TableColumn<ShepherdVm>[] = [
  {
    title: 'Name',
    render: vm => <VmLink vmId={vm.id}>{vm.name}</VmLink>,
  },
  { title: 'Status', render: vm => <VmStatusBadge status={vm.status} /> },
  {
    title: 'System / Service',
    render: vm => `${vm.systemName} / ${vm.serviceName}`,
  },
  { title: 'Namespace', render: vm => vm.namespace },
  {
    title: 'Environment',
    render: vm => <EnvironmentChip environment={vm.environment} />,
  },
  { title: 'Cluster', render: vm => vm.clusterName ?? NOT_SET },
  { title: 'Resources', render: describeResources },
  { title: 'Created', render: vm => <RelativeTime timestamp={vm.createdAt} /> },
];

/** One page of VMs, each linking to its page. */
export function VmTable(props: {
  vms: ShepherdVm[];
  emptyContent?: ReactNode;
}) {
  return (
    <ListTable
      columns={COLUMNS}
      data={props.vms}
      emptyContent={props.emptyContent}
    />
  );
}
