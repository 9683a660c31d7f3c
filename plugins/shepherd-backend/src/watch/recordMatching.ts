import { ShepherdVmRef } from '@kubevirt-shepherd/plugin-shepherd-node';
import { VmObservation } from '../database/stores/vms/VmsStore';

/** A cluster object as the watches report it: where it is, and the labels it carries. */
export interface ObservedObject extends ShepherdVmRef {
  labels?: Record<string, string>;
}

/**
 * The record a cluster object is the VM of, among the records of its cluster that have its
 * namespace and name. This is the one place where an object is matched to a record: today by
 * name on its cluster; once objects carry Shepherd's ownership labels (installation, VM id),
 * the VM-id label decides here, and an object that carries another VM's or installation's
 * labels matches no record.
 */
export function recordOfObject(
  object: ObservedObject,
  candidates: readonly VmObservation[],
): VmObservation | undefined {
  return candidates.find(
    record =>
      record.namespace === object.namespace && record.name === object.name,
  );
}

/** The key of a VM on its cluster. */
export function vmKey(ref: ShepherdVmRef): string {
  return `${ref.namespace}/${ref.name}`;
}
