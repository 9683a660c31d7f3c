import type { V1VirtualMachineInstanceMigration } from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import {
  ShepherdVmMigration,
  ShepherdVmRef,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ClusterClient } from '../client/ClusterClient';
import { CONTENT_TYPES, KUBEVIRT_API } from '../constants';
import { describeVm, virtualMachineActionPath } from './paths';
import { listServedObjects } from './reads';

/** The phase reported while KubeVirt has not yet given a migration one. */
const PENDING_PHASE = 'Pending';

function toMigration(
  migration: V1VirtualMachineInstanceMigration,
): ShepherdVmMigration {
  const failed = migration.status?.migrationState?.failureReason;
  return {
    name: migration.metadata?.name ?? '',
    phase: migration.status?.phase ?? PENDING_PHASE,
    ...(failed ? { message: failed } : {}),
  };
}

/**
 * The VM's migrations, newest first. KubeVirt's migration controller labels them with the
 * VMI's name only after it has seen them, so they are matched by `spec.vmiName` instead.
 * A cluster that does not serve the migration API has none.
 */
async function listMigrations(
  client: ClusterClient,
  vm: ShepherdVmRef,
): Promise<V1VirtualMachineInstanceMigration[]> {
  const items = await listServedObjects<V1VirtualMachineInstanceMigration>(
    client,
    `List migrations of ${describeVm(vm)}`,
    ({ custom }) =>
      custom.listNamespacedCustomObject({
        group: KUBEVIRT_API.group,
        version: KUBEVIRT_API.version,
        namespace: vm.namespace,
        plural: KUBEVIRT_API.migrations,
      }),
  );
  return items
    .filter(migration => migration.spec?.vmiName === vm.name)
    .sort((a, b) =>
      (b.metadata?.creationTimestamp ?? '').localeCompare(
        a.metadata?.creationTimestamp ?? '',
      ),
    );
}

function noMigrationVisible(vm: ShepherdVmRef): ShepherdVmMigration {
  return {
    name: '',
    phase: PENDING_PHASE,
    message: `No VirtualMachineInstanceMigration of ${describeVm(
      vm,
    )} is visible yet`,
  };
}

/**
 * Starts a live migration through KubeVirt's `migrate` subresource, which creates a
 * VirtualMachineInstanceMigration with a generated name before it answers; the newest
 * migration of the VM is that one. Where the cluster does not show it, the answer has no
 * name, and {@link getMigration} without a name looks the newest one up later.
 */
export async function migrateVirtualMachine(
  client: ClusterClient,
  vm: ShepherdVmRef,
): Promise<ShepherdVmMigration> {
  await client.request(`Migrate ${describeVm(vm)}`, {
    method: 'PUT',
    path: virtualMachineActionPath(vm, 'migrate'),
    contentType: CONTENT_TYPES.json,
    body: {},
  });
  const [newest] = await listMigrations(client, vm);
  return newest ? toMigration(newest) : noMigrationVisible(vm);
}

/** A migration by name; with an empty name, the VM's newest migration. */
export async function getMigration(
  client: ClusterClient,
  vm: ShepherdVmRef,
  migrationName: string,
): Promise<ShepherdVmMigration> {
  if (!migrationName) {
    const [newest] = await listMigrations(client, vm);
    return newest ? toMigration(newest) : noMigrationVisible(vm);
  }
  const migration = (await client.call(
    `Read migration ${vm.namespace}/${migrationName}`,
    ({ custom }) =>
      custom.getNamespacedCustomObject({
        group: KUBEVIRT_API.group,
        version: KUBEVIRT_API.version,
        namespace: vm.namespace,
        plural: KUBEVIRT_API.migrations,
        name: migrationName,
      }),
  )) as V1VirtualMachineInstanceMigration;
  return toMigration(migration);
}
