import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aPage, aVm } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import {
  ACCESS_TITLE,
  IMAGE_DEFAULT_USER_NOTE,
  NOT_RUNNING_NOTE,
  VmAccessCard,
} from './VmAccessCard';
import { VmsPage } from './VmsPage';

// CopyTextButton copies through copy-to-clipboard (document.execCommand), which jsdom lacks.
jest.mock('copy-to-clipboard', () => jest.fn(() => true));
const copied = jest.requireMock('copy-to-clipboard') as jest.Mock;

const RUNNING = aVm({
  access: {
    ipAddresses: ['10.244.1.8', 'fd10:244::8'],
    nodeName: 'worker-2',
    sshUser: 'fedora',
  },
});

/** The row of the card's table that a label (as the table capitalises it) heads. */
const row = (label: string) =>
  screen.getByText(label).closest('tr') as HTMLElement;

describe('VmAccessCard', () => {
  it('shows the addresses, the node, the login user and the SSH commands to copy', async () => {
    await renderShepherd(<VmAccessCard vm={RUNNING} />);

    expect(screen.getByText(ACCESS_TITLE)).toBeInTheDocument();
    expect(within(row('IP Addresses')).getByText('10.244.1.8')).toBeVisible();
    expect(within(row('IP Addresses')).getByText('fd10:244::8')).toBeVisible();
    expect(within(row('Node')).getByText('worker-2')).toBeVisible();
    expect(within(row('SSH User')).getByText('fedora')).toBeVisible();
    expect(screen.getByText('ssh fedora@10.244.1.8')).toBeVisible();
    expect(
      screen.getByText(
        'virtctl ssh fedora@vm/dev-payments-api-01 --namespace dev',
      ),
    ).toBeVisible();
  });

  it('copies the SSH command', async () => {
    const user = userEvent.setup();
    await renderShepherd(<VmAccessCard vm={RUNNING} />);

    await user.click(
      screen.getByRole('button', { name: 'Copy ssh fedora@10.244.1.8' }),
    );

    expect(copied).toHaveBeenCalledWith('ssh fedora@10.244.1.8');
  });

  it('says so when the VM does not run and its template names no user', async () => {
    await renderShepherd(<VmAccessCard vm={aVm({ status: 'STOPPED' })} />);

    expect(screen.getByText(NOT_RUNNING_NOTE)).toBeVisible();
    expect(within(row('Node')).getByText('—')).toBeVisible();
    expect(screen.getByText(IMAGE_DEFAULT_USER_NOTE)).toBeVisible();
    expect(screen.queryByRole('button', { name: /^Copy/ })).toBeNull();
  });

  it('offers virtctl ssh, but no address to ssh to, while a VM with a known user is stopped', async () => {
    await renderShepherd(
      <VmAccessCard
        vm={aVm({
          status: 'STOPPED',
          access: { ipAddresses: [], sshUser: 'fedora' },
        })}
      />,
    );

    expect(screen.queryByText(/^ssh fedora@/)).toBeNull();
    expect(
      screen.getByRole('button', {
        name: 'Copy virtctl ssh fedora@vm/dev-payments-api-01 --namespace dev',
      }),
    ).toBeInTheDocument();
  });

  it('is on the VM page', async () => {
    await renderShepherd(<VmsPage />, {
      api: {
        getVm: async () => RUNNING,
        listTickets: async () => aPage([]),
        getVmConsoleAccess: async () => ({}),
        getVmHistory: async () => aPage([]),
      },
      path: '/shepherd/vms/*',
      route: `/shepherd/vms/${RUNNING.id}`,
    });

    expect(await screen.findByText(ACCESS_TITLE)).toBeInTheDocument();
    expect(screen.getByText('ssh fedora@10.244.1.8')).toBeVisible();
  });
});
