import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aVm } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { OPTIONAL_REASON_LABEL, REQUIRED_REASON_HELP } from '../common';
import { ConsoleAccessCard, REQUEST_CONSOLE_LABEL } from './ConsoleAccessCard';

const PROD_VM = aVm({
  id: 'vm-9',
  name: 'prod-payments-api-01',
  namespace: 'prod',
  environment: 'prod',
});

async function openRequest(vm = PROD_VM) {
  const rendered = await renderShepherd(<ConsoleAccessCard vm={vm} />, {
    api: {
      getVmConsoleAccess: async () => ({}),
      requestVmConsole: async () => ({
        status: 'PENDING_APPROVAL',
        ticketId: 'ticket-vnc',
        eventId: 'e',
      }),
    },
  });
  const request = await screen.findByRole('button', {
    name: REQUEST_CONSOLE_LABEL,
  });
  await waitFor(() => expect(request).toBeEnabled());
  await userEvent.click(request);
  return { ...rendered, dialog: await screen.findByRole('dialog') };
}

describe('ConsoleAccessCard', () => {
  it('asks for a reason for production console access, and says why', async () => {
    const { api, dialog } = await openRequest();
    const submit = within(dialog).getByRole('button', {
      name: 'Submit for approval',
    });
    const reason = within(dialog).getByRole('textbox', { name: /^Reason/ });
    expect(reason).toBeRequired();
    expect(within(dialog).getByText(REQUIRED_REASON_HELP)).toBeInTheDocument();
    expect(submit).toBeDisabled();

    await userEvent.type(reason, '  ');
    expect(submit).toBeDisabled();
    await userEvent.type(reason, 'Reads the boot log');
    await userEvent.click(submit);

    await waitFor(() =>
      expect(api.requestVmConsole).toHaveBeenCalledWith('vm-9', {
        reason: 'Reads the boot log',
        minutes: 60,
      }),
    );
  });

  it('leaves the reason optional in test', async () => {
    const { api, dialog } = await openRequest(aVm());
    expect(
      within(dialog).getByLabelText(OPTIONAL_REASON_LABEL),
    ).not.toBeRequired();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Grant access' }),
    );
    await waitFor(() =>
      expect(api.requestVmConsole).toHaveBeenCalledWith('vm-1', {
        reason: undefined,
        minutes: 60,
      }),
    );
  });
});
