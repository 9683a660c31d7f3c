import { virtualMachineInstances, virtualMachines } from '../api/resources';
import { deepClone, formatTimestamp } from '../apply/objects';
import { CONTROLLER_MANAGER, NODE_NAME_LABEL } from '../constants';
import { StoredObject } from '../types';
import {
  ControllerContext,
  ForcedFailure,
  conditions,
  keyOf,
  writeObject,
  writeStatus,
} from './context';

/** Failures that keep the launcher pod from starting: the VMI never leaves scheduling. */
const STUCK_BEFORE_RUNNING = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'ErrorUnschedulable',
  'ErrorPvcNotFound',
  'Unknown',
]);

function ownerFailure(
  ctx: ControllerContext,
  vmi: StoredObject,
): ForcedFailure | undefined {
  const owner = vmi.metadata.ownerReferences?.find(
    r => r.kind === 'VirtualMachine',
  );
  return owner
    ? ctx.failures.get(keyOf(vmi.metadata.namespace, owner.name))
    : undefined;
}

function transitions(vmi: StoredObject, phase: string, now: number) {
  return [
    ...(vmi.status?.phaseTransitionTimestamps ?? []),
    { phase, phaseTransitionTimestamp: formatTimestamp(now) },
  ];
}

function interfacesOf(
  ctx: ControllerContext,
  vmi: StoredObject,
  nodeIndex: number,
) {
  const declared: Array<{ name: string }> =
    vmi.spec?.domain?.devices?.interfaces ?? [];
  const names = declared.length > 0 ? declared.map(i => i.name) : ['default'];
  return names.map((name, index) => {
    const ip =
      index === 0 ? ctx.addresses.ip(vmi.metadata.uid, nodeIndex) : undefined;
    return {
      name,
      interfaceName: `eth${index}`,
      ...(ip ? { ipAddress: ip, ipAddresses: [ip] } : {}),
      mac: ctx.addresses.mac(`${vmi.metadata.uid}/${name}`),
      infoSource: 'domain, guest-agent',
      linkState: 'up',
      queueCount: 1,
      podInterfaceName: `eth${index}`,
    };
  });
}

function guestOsInfo(vmi: StoredObject) {
  const images: string[] = (vmi.spec?.volumes ?? [])
    .map((v: { containerDisk?: { image?: string } }) => v.containerDisk?.image)
    .filter(Boolean);
  const hint = images.join(' ').toLowerCase();
  const known = [
    {
      id: 'ubuntu',
      name: 'Ubuntu',
      version: '24.04',
      prettyName: 'Ubuntu 24.04 LTS',
    },
    {
      id: 'centos',
      name: 'CentOS Stream',
      version: '9',
      prettyName: 'CentOS Stream 9',
    },
  ];
  // The guest agent reports the OS; guess it from the disk image, Fedora otherwise.
  const os = known.find(k => hint.includes(k.id)) ?? {
    id: 'fedora',
    name: 'Fedora Linux',
    version: '41',
    prettyName: 'Fedora Linux 41 (Cloud Edition)',
  };
  return {
    ...os,
    kernelRelease: '6.11.4-301.fc41.x86_64',
    machine: 'x86_64',
    versionId: os.version,
  };
}

/** Labels the VMI with the node it runs on, as virt-controller does when it places or moves it. */
export function placeOnNode(
  ctx: ControllerContext,
  vmi: StoredObject,
  nodeName: string,
): StoredObject {
  const placed = deepClone(vmi);
  placed.metadata.labels = {
    ...placed.metadata.labels,
    [NODE_NAME_LABEL]: nodeName,
  };
  return writeObject(
    ctx,
    virtualMachineInstances,
    vmi,
    placed,
    CONTROLLER_MANAGER,
  );
}

/**
 * virt-controller and virt-handler for one VMI, simulated: Pending → Scheduling →
 * Scheduled (a node) → Running (an IP, Ready), and on deletion a graceful stop before
 * the finalizers go. Forced failures of the owning VM hold it in Scheduling (image pull,
 * unschedulable) or fail it (crash loop).
 */
export function reconcileVirtualMachineInstance(
  ctx: ControllerContext,
  namespace: string,
  name: string,
): void {
  const vmi = ctx.store.get(virtualMachineInstances, namespace, name);
  if (!vmi) return;
  const now = ctx.now();
  const uid = vmi.metadata.uid;
  const status = vmi.status ?? {};
  const phase: string = status.phase ?? '';

  if (vmi.metadata.deletionTimestamp) {
    const since = ctx.phaseClock.since(uid, 'Deleting', now);
    const due = since + ctx.timings.vmiStopping;
    if (now < due) {
      ctx.requeue(virtualMachineInstances, namespace, name, due - now);
      return;
    }
    const next = deepClone(vmi);
    next.metadata.finalizers = [];
    ctx.phaseClock.forget(uid);
    writeObject(ctx, virtualMachineInstances, vmi, next, CONTROLLER_MANAGER);
    return;
  }

  const failure = ownerFailure(ctx, vmi);
  const readyFalse = (reason: string, message: string) =>
    conditions(
      status.conditions,
      [{ type: 'Ready', status: 'False', reason, message }],
      now,
    );

  if (phase === '') {
    ctx.phaseClock.since(uid, 'Scheduling', now);
    writeStatus(
      ctx,
      virtualMachineInstances,
      vmi,
      {
        phase: 'Scheduling',
        phaseTransitionTimestamps: [
          { phase: 'Pending', phaseTransitionTimestamp: formatTimestamp(now) },
          {
            phase: 'Scheduling',
            phaseTransitionTimestamp: formatTimestamp(now),
          },
        ],
        conditions: readyFalse(
          'PodNotExists',
          'virt-launcher pod has not yet been scheduled',
        ),
        guestOSInfo: {},
        qosClass: 'Burstable',
        launcherContainerImageVersion: `quay.io/kubevirt/virt-launcher:${ctx.kubevirtVersion}`,
        currentCPUTopology: {
          cores: vmi.spec?.domain?.cpu?.cores ?? 1,
          sockets: 1,
          threads: 1,
        },
      },
      CONTROLLER_MANAGER,
    );
    ctx.requeue(virtualMachineInstances, namespace, name, 0);
    return;
  }

  if (
    failure &&
    STUCK_BEFORE_RUNNING.has(failure.reason) &&
    phase !== 'Running'
  ) {
    writeStatus(
      ctx,
      virtualMachineInstances,
      vmi,
      {
        ...status,
        phase:
          failure.reason === 'ErrorUnschedulable' ? 'Pending' : 'Scheduling',
        conditions: conditions(
          status.conditions,
          [
            {
              type: 'Ready',
              status: 'False',
              reason: 'PodNotReady',
              message: failure.message,
            },
            ...(failure.reason === 'ErrorUnschedulable'
              ? [
                  {
                    type: 'PodScheduled',
                    status: 'False' as const,
                    reason: 'Unschedulable',
                    message: failure.message,
                  },
                ]
              : []),
          ],
          now,
        ),
      },
      CONTROLLER_MANAGER,
    );
    return; // clearing the failure requeues
  }
  if (failure?.reason === 'CrashLoopBackOff' && phase !== 'Failed') {
    writeStatus(
      ctx,
      virtualMachineInstances,
      vmi,
      {
        ...status,
        phase: 'Failed',
        phaseTransitionTimestamps: transitions(vmi, 'Failed', now),
        conditions: readyFalse('GuestNotRunning', failure.message),
        interfaces: undefined,
      },
      CONTROLLER_MANAGER,
    );
    return;
  }

  if (phase === 'Pending' || phase === 'Scheduling') {
    const since = ctx.phaseClock.since(uid, 'Scheduling', now);
    const due = since + ctx.timings.vmiScheduling;
    if (now < due) {
      ctx.requeue(virtualMachineInstances, namespace, name, due - now);
      return;
    }
    // Spread VMIs over the nodes by name, so placement is stable across runs.
    const nodeIndex =
      [...`${namespace}/${name}`].reduce((a, c) => a + c.charCodeAt(0), 0) %
      ctx.nodes.length;
    const nodeName = ctx.nodes[nodeIndex];
    const current = placeOnNode(ctx, vmi, nodeName);
    ctx.phaseClock.since(uid, 'Scheduled', now);
    writeStatus(
      ctx,
      virtualMachineInstances,
      current,
      {
        ...status,
        phase: 'Scheduled',
        nodeName,
        phaseTransitionTimestamps: transitions(vmi, 'Scheduled', now),
        activePods: { [`${uid.slice(0, 8)}-launcher`]: nodeName },
        conditions: readyFalse(
          'GuestNotRunning',
          'Guest VM is not reported as running',
        ),
      },
      CONTROLLER_MANAGER,
    );
    ctx.requeue(virtualMachineInstances, namespace, name, 0);
    return;
  }

  if (phase === 'Scheduled') {
    const since = ctx.phaseClock.since(uid, 'Scheduled', now);
    const due = since + ctx.timings.vmiBooting;
    if (now < due) {
      ctx.requeue(virtualMachineInstances, namespace, name, due - now);
      return;
    }
    const nodeIndex = Math.max(0, ctx.nodes.indexOf(status.nodeName));
    ctx.phaseClock.since(uid, 'Running', now);
    writeStatus(
      ctx,
      virtualMachineInstances,
      vmi,
      {
        ...status,
        phase: 'Running',
        phaseTransitionTimestamps: transitions(vmi, 'Running', now),
        interfaces: interfacesOf(ctx, vmi, nodeIndex),
        guestOSInfo: guestOsInfo(vmi),
        migrationMethod: 'BlockMigration',
        migrationTransport: 'Unix',
        machine: { type: 'pc-q35-rhel9.4.0' },
        conditions: conditions(
          status.conditions,
          [
            { type: 'Ready', status: 'True' },
            { type: 'LiveMigratable', status: 'True' },
            { type: 'AgentConnected', status: 'True' },
          ],
          now,
        ),
      },
      CONTROLLER_MANAGER,
    );
  }
}

/** The VM that controls a VMI, for requeueing it when the VMI changes. */
export function ownerVmName(vmi: StoredObject): string | undefined {
  return vmi.metadata.ownerReferences?.find(
    r => r.kind === virtualMachines.kind && r.controller,
  )?.name;
}
