import { REQUEST_REASON_MAX_LENGTH } from '@kubevirt-shepherd/plugin-shepherd-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aVm } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import {
  OPTIONAL_REASON_LABEL,
  REQUIRED_REASON_HELP,
  TYPE_NAME_LABEL,
} from '../common';
import { DELETE_LABEL, DeleteVmDialog } from './DeleteVmDialog';

const PROD_VM = aVm({
  id: 'vm-9',
  name: 'prod-payments-api-01',
  namespace: 'prod',
  environment: 'prod',
});

const SUBMITTED = {
  ticketId: 'ticket-delete',
  eventId: 'e',
  status: 'PENDING',
};

async function renderDialog(vm = PROD_VM) {
  const onSubmitted = jest.fn();
  const rendered = await renderShepherd(
    <DeleteVmDialog
      vm={vm}
      open
      onSubmitted={onSubmitted}
      onCancel={() => {}}
    />,
    { api: { requestVmDeletion: async () => SUBMITTED as any } },
  );
  const dialog = await screen.findByRole('dialog');
  return { ...rendered, dialog, onSubmitted };
}

describe('DeleteVmDialog', () => {
  it('asks for a reason to delete a production VM, and says why', async () => {
    const { api, dialog, onSubmitted } = await renderDialog();
    const confirm = within(dialog).getByRole('button', { name: DELETE_LABEL });
    const reason = within(dialog).getByRole('textbox', { name: /^Reason/ });
    expect(reason).toBeRequired();
    expect(within(dialog).getByText(REQUIRED_REASON_HELP)).toBeInTheDocument();

    await userEvent.type(
      within(dialog).getByLabelText(TYPE_NAME_LABEL),
      PROD_VM.name,
    );
    // The name alone is not enough, nor are blanks.
    expect(confirm).toBeDisabled();
    await userEvent.type(reason, '   ');
    expect(confirm).toBeDisabled();

    await userEvent.type(reason, 'Replaced by api-02 ');
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);

    await waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    expect(api.requestVmDeletion).toHaveBeenCalledWith('vm-9', {
      confirm_name: PROD_VM.name,
      reason: 'Replaced by api-02',
    });
  });

  it('refuses a reason longer than the backend takes', async () => {
    const { dialog } = await renderDialog();
    await userEvent.type(
      within(dialog).getByLabelText(TYPE_NAME_LABEL),
      PROD_VM.name,
    );
    const reason = within(dialog).getByRole('textbox', { name: /^Reason/ });
    // Pasted at once: typing hundreds of characters would only slow the test.
    fireEvent.change(reason, {
      target: { value: 'x'.repeat(REQUEST_REASON_MAX_LENGTH + 1) },
    });

    expect(reason).toBeInvalid();
    expect(
      within(dialog).getByText(
        new RegExp(`at most ${REQUEST_REASON_MAX_LENGTH} characters; this one`),
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: DELETE_LABEL }),
    ).toBeDisabled();
  });

  it('leaves the reason optional for a test VM', async () => {
    const { api, dialog } = await renderDialog(aVm());
    expect(
      within(dialog).getByLabelText(OPTIONAL_REASON_LABEL),
    ).not.toBeRequired();
    await userEvent.click(within(dialog).getByRole('checkbox'));
    await userEvent.click(
      within(dialog).getByRole('button', { name: DELETE_LABEL }),
    );

    await waitFor(() =>
      expect(api.requestVmDeletion).toHaveBeenCalledWith('vm-1', {
        confirm: true,
        reason: undefined,
      }),
    );
  });
});
