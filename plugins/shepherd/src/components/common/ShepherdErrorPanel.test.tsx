import { screen } from '@testing-library/react';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import {
  EXISTING_REQUEST_LINK,
  ShepherdErrorPanel,
} from './ShepherdErrorPanel';

describe('ShepherdErrorPanel', () => {
  it('shows the backend message, its code and the HTTP status', async () => {
    const error = new ShepherdApiError({
      message: "'prod-x' does not match the VM's name",
      code: 'CONFIRMATION_NAME_MISMATCH',
      status: 400,
      statusText: 'Bad Request',
    });

    await renderShepherd(<ShepherdErrorPanel error={error} />);

    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(
      screen.getByText("'prod-x' does not match the VM's name"),
    ).toBeInTheDocument();
    expect(screen.getByText('CONFIRMATION_NAME_MISMATCH')).toBeInTheDocument();
    expect(screen.getByText(/HTTP 400 Bad Request/)).toBeInTheDocument();
  });

  it('puts a title before the message', async () => {
    const error = new ShepherdApiError({
      message: 'VM vm-1 was not found',
      code: 'NOT_FOUND',
      status: 404,
    });

    await renderShepherd(
      <ShepherdErrorPanel title="Could not load the VM" error={error} />,
    );

    expect(screen.getByText('Could not load the VM')).toBeInTheDocument();
    expect(screen.getByText('VM vm-1 was not found')).toBeInTheDocument();
    expect(screen.getByText('NOT_FOUND')).toBeInTheDocument();
  });

  it('links the existing request of a duplicate and lists other details', async () => {
    const error = new ShepherdApiError({
      message: 'A request is already pending',
      code: 'DUPLICATE_PENDING_REQUEST',
      status: 409,
      details: { ticketId: 'ticket-7', vms: 2 },
    });

    await renderShepherd(<ShepherdErrorPanel error={error} />);

    expect(
      screen.getByRole('link', { name: EXISTING_REQUEST_LINK }),
    ).toHaveAttribute('href', '/shepherd/requests/ticket-7');
    expect(screen.getByText('2')).toBeInTheDocument();
  });

  it('says when an answer had no code', async () => {
    const error = new ShepherdApiError({ message: 'Bad gateway', status: 502 });

    await renderShepherd(<ShepherdErrorPanel error={error} />);

    expect(screen.getByText(/No error code · HTTP 502/)).toBeInTheDocument();
  });

  it('shows other errors by their message', async () => {
    await renderShepherd(
      <ShepherdErrorPanel error={new TypeError('Failed to fetch')} />,
    );

    expect(screen.getByText('Failed to fetch')).toBeInTheDocument();
    expect(screen.queryByText(/Error code/)).not.toBeInTheDocument();
  });
});
