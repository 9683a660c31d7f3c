import { deepClone } from '../apply/objects';
import { MIGRATION_GENERATE_NAME } from '../constants';
import { runStrategyOf, StateChangeRequest } from '../controllers/vmController';
import { StoredObject } from '../types';
import { ResourceApi } from './resourceApi';
import {
  virtualMachineInstanceMigrations,
  virtualMachineInstances,
  virtualMachines,
} from './resources';
import { errors } from './status';

export type VmAction = 'start' | 'stop' | 'restart' | 'migrate';

/** virt-api writes VMs as its own field manager. */
const VIRT_API = 'virt-api';

/** StartOptions/StopOptions/RestartOptions/MigrateOptions: only dryRun matters here. */
function isDryRun(body: unknown): boolean {
  const dryRun = (body as { dryRun?: unknown } | undefined)?.dryRun;
  return Array.isArray(dryRun) && dryRun.includes('All');
}

function isFinal(vmi: StoredObject | undefined): boolean {
  return ['Succeeded', 'Failed'].includes(vmi?.status?.phase);
}

/**
 * The VM actions of KubeVirt's virt-api (`PUT …/virtualmachines/{name}/{action}`), with
 * its rules and messages (pkg/virt-api/rest/lifecycle.go): start and stop flip the run
 * strategy between Always and Halted (or `spec.running`), Manual VMs and restarts go
 * through `status.stateChangeRequests`. Success is 202 Accepted with an empty body.
 */
export function runVmAction(
  api: ResourceApi,
  namespace: string,
  name: string,
  action: VmAction,
  body: unknown,
): void {
  const dryRun = isDryRun(body);
  const vm = api.get(virtualMachines, namespace, name);
  let vmi: StoredObject | undefined;
  try {
    vmi = api.get(virtualMachineInstances, namespace, name);
  } catch {
    vmi = undefined;
  }
  const strategy = runStrategyOf(vm);
  const conflict = (why: string) => errors.conflict(virtualMachines, name, why);

  const setRunning = (running: boolean) => {
    const next = deepClone(vm);
    if (vm.spec.runStrategy !== undefined)
      next.spec.runStrategy = running ? 'Always' : 'Halted';
    else next.spec.running = running;
    api.replace(virtualMachines, namespace, name, next, {
      dryRun,
      fieldManager: VIRT_API,
    });
  };
  const addRequests = (requests: StateChangeRequest[], replace = false) => {
    const existing: StateChangeRequest[] = vm.status?.stateChangeRequests ?? [];
    if (existing.length > 0 && !replace) {
      throw errors.internal(
        'unable to complete request: stop/start already underway',
      );
    }
    const next = deepClone(vm);
    next.status = { ...next.status, stateChangeRequests: requests };
    api.replace(virtualMachines, namespace, name, next, {
      dryRun,
      fieldManager: VIRT_API,
      subresource: 'status',
    });
  };

  switch (action) {
    case 'start': {
      if (vmi && !isFinal(vmi) && vmi.status?.phase)
        throw conflict('VM is already running');
      if (strategy === 'Halted') setRunning(true);
      else if (strategy === 'Manual' || strategy === 'RerunOnFailure') {
        addRequests(
          isFinal(vmi)
            ? [{ action: 'Stop', uid: vmi!.metadata.uid }, { action: 'Start' }]
            : [{ action: 'Start' }],
        );
      } else
        throw conflict(`${strategy} does not support manual start requests`);
      return;
    }
    case 'stop': {
      if (strategy === 'Halted') {
        if (!vmi || isFinal(vmi)) throw conflict('VM is not running');
        throw conflict(
          'Halted only supports manual stop requests with a shorter graceperiod',
        );
      }
      if (strategy === 'Manual' || strategy === 'RerunOnFailure') {
        if (!vmi || isFinal(vmi)) throw conflict('VM is not running');
        addRequests([{ action: 'Stop', uid: vmi.metadata.uid }], true);
        return;
      }
      setRunning(false);
      return;
    }
    case 'restart': {
      if (strategy === 'Halted' || strategy === 'Once') {
        throw conflict(
          `RunStategy ${strategy} does not support manual restart requests`,
        );
      }
      if (!vmi) throw conflict('VM is not running: Halted');
      addRequests([
        { action: 'Stop', uid: vmi.metadata.uid },
        { action: 'Start' },
      ]);
      return;
    }
    case 'migrate': {
      if (!vmi) throw errors.notFound(virtualMachineInstances, name);
      if (vmi.status?.phase !== 'Running') throw conflict('VM is not running');
      // virt-api creates the migration; the migration controller carries it out.
      api.create(
        virtualMachineInstanceMigrations,
        namespace,
        {
          metadata: { generateName: MIGRATION_GENERATE_NAME },
          spec: { vmiName: name },
        },
        { dryRun, fieldManager: VIRT_API },
      );
      return;
    }
    default:
      throw errors.pathNotFound();
  }
}
