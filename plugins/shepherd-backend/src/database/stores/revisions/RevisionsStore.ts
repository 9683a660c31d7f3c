import { VmRevision } from '@kubevirt-shepherd/plugin-shepherd-common';

export interface RevisionsStore {
  insert(revision: VmRevision): Promise<void>;
  listForVm(vmId: string): Promise<VmRevision[]>;
}
