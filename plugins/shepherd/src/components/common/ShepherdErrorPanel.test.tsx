import { screen } from '@testing-library/react';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import { CODE_LABEL, withCode } from './apiErrors';
import {
  CodedMessage,
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
    // The words lead; the code follows in a caption.
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^'prod-x' does not match the VM's name.*Error code: CONFIRMATION_NAME_MISMATCH/,
    );
    expect(
      screen
        .getByText(/HTTP 400 Bad Request/)
        .closest('.MuiTypography-caption'),
    ).not.toBeNull();
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

  it('links the existing request of a duplicate and lists other details beside the code', async () => {
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
    // Details are for support: in the caption with the code, after the words.
    expect(
      screen.getByText('2').closest('.MuiTypography-caption'),
    ).not.toBeNull();
    expect(screen.queryByText('ticket-7')).not.toBeInTheDocument();
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

describe('CodedMessage', () => {
  it('shows the words first and the code beneath them in a caption', async () => {
    await renderShepherd(
      <p data-testid="reason">
        <CodedMessage
          message="sim-prod is a prod cluster; the namespace is test"
          code="CLUSTER_ENVIRONMENT_MISMATCH"
        />
      </p>,
    );

    expect(screen.getByTestId('reason')).toHaveTextContent(
      `sim-prod is a prod cluster; the namespace is test${CODE_LABEL}: CLUSTER_ENVIRONMENT_MISMATCH`,
    );
    expect(
      screen
        .getByText('CLUSTER_ENVIRONMENT_MISMATCH')
        .closest('.MuiTypography-caption'),
    ).not.toBeNull();
  });

  it('shows the fallback only when there are neither words nor code', async () => {
    await renderShepherd(
      <>
        <p data-testid="nothing">
          <CodedMessage fallback="Not eligible" />
        </p>
        <p data-testid="code-only">
          <CodedMessage code="CLUSTER_UNAVAILABLE" fallback="Not eligible" />
        </p>
      </>,
    );

    expect(screen.getByTestId('nothing')).toHaveTextContent(/^Not eligible$/);
    expect(screen.getByTestId('code-only')).toHaveTextContent(
      `${CODE_LABEL}: CLUSTER_UNAVAILABLE`,
    );
  });
});

describe('withCode', () => {
  it('puts the code after the words, and leaves words without a code alone', () => {
    expect(withCode('The name is taken', 'NAME_ALREADY_EXISTS')).toBe(
      'The name is taken (Code: NAME_ALREADY_EXISTS)',
    );
    expect(withCode('The name is taken')).toBe('The name is taken');
  });
});
