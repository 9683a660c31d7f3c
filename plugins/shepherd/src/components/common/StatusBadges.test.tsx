import {
  CLUSTER_STATUSES,
  TICKET_STATUSES,
  VM_STATUSES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen } from '@testing-library/react';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import {
  ClusterStatusBadge,
  TicketStatusBadge,
  VmStatusBadge,
} from './StatusBadges';

function toneOf(text: string) {
  return screen
    .getByText(text)
    .closest('[data-status-tone]')
    ?.getAttribute('data-status-tone');
}

describe('status badges', () => {
  it.each(VM_STATUSES)(
    'shows the VM status %s in the API’s words',
    async status => {
      await renderShepherd(<VmStatusBadge status={status} />);
      expect(screen.getByText(status)).toBeInTheDocument();
    },
  );

  it.each(TICKET_STATUSES)(
    'shows the ticket status %s in the API’s words',
    async status => {
      await renderShepherd(<TicketStatusBadge status={status} />);
      expect(screen.getByText(status)).toBeInTheDocument();
    },
  );

  it.each(CLUSTER_STATUSES)(
    'shows the cluster status %s in the API’s words',
    async status => {
      await renderShepherd(<ClusterStatusBadge status={status} />);
      expect(screen.getByText(status)).toBeInTheDocument();
    },
  );

  it('tells good, bad and moving states apart', async () => {
    await renderShepherd(
      <>
        <VmStatusBadge status="RUNNING" />
        <VmStatusBadge status="FAILED" />
        <VmStatusBadge status="STARTING" />
        <TicketStatusBadge status="PENDING" />
        <TicketStatusBadge status="CANCELLED" />
        <ClusterStatusBadge status="UNREACHABLE" />
        <ClusterStatusBadge status="UNHEALTHY" />
      </>,
    );
    expect(toneOf('RUNNING')).toBe('ok');
    expect(toneOf('FAILED')).toBe('error');
    expect(toneOf('STARTING')).toBe('running');
    expect(toneOf('PENDING')).toBe('pending');
    expect(toneOf('CANCELLED')).toBe('aborted');
    expect(toneOf('UNREACHABLE')).toBe('error');
    expect(toneOf('UNHEALTHY')).toBe('warning');
  });

  it('keeps a status on the line of the sentence it is part of', async () => {
    await renderShepherd(
      <p>
        Your request is now <TicketStatusBadge status="PENDING" />.
      </p>,
    );
    // Backstage's indicator is a flex block, which would put the status on a line of its own.
    expect(
      screen.getByText('PENDING').closest('[data-status-tone]'),
    ).toHaveStyle({ display: 'inline-flex', whiteSpace: 'nowrap' });
  });
});
