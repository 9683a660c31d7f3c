import {
  ShepherdVm,
  TicketSubmission,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** The props of a dialog that asks an approver for a change to a VM. */
export type VmRequestDialogProps = {
  vm: ShepherdVm;
  open: boolean;
  onSubmitted: (submission: TicketSubmission) => void;
  onCancel: () => void;
};
