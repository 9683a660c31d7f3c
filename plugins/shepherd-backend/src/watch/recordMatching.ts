import {
  SHEPHERD_MANAGER,
  SHEPHERD_PLATFORM_LABELS,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  ShepherdVmRef,
  readShepherdOwnership,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { VmObservation } from '../database/stores/vms/VmsStore';

/** A cluster object as the watches report it: where it is, and the labels it carries. */
export interface ObservedObject extends ShepherdVmRef {
  labels?: Record<string, string>;
}

/**
 * The record a cluster object is the VM of, among the records of its cluster that have its
 * namespace and name; the one place where objects are matched to records. An object whose
 * ownership labels name this installation is the VM of the record they name, and of no other;
 * one that names another installation is nobody's here. An object without ownership labels
 * is matched by name only if Shepherd's managed-by label says Shepherd created it (before
 * ownership labels existed); any other object — created with kubectl under a name Shepherd
 * uses — is foreign and matches no record.
 */
export function recordOfObject(
  object: ObservedObject,
  candidates: readonly VmObservation[],
  installationId: string,
): VmObservation | undefined {
  const sameName = (record: VmObservation) =>
    record.namespace === object.namespace && record.name === object.name;
  const ownership = readShepherdOwnership(object.labels);
  if (ownership) {
    if (ownership.installationId !== installationId) return undefined;
    return candidates.find(
      record => record.id === ownership.vmId && sameName(record),
    );
  }
  if (
    object.labels?.[SHEPHERD_PLATFORM_LABELS.managedBy] !== SHEPHERD_MANAGER
  ) {
    return undefined;
  }
  return candidates.find(sameName);
}

/** The key of a VM on its cluster. */
export function vmKey(ref: ShepherdVmRef): string {
  return `${ref.namespace}/${ref.name}`;
}
