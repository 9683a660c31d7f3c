import { render, screen } from '@testing-library/react';
import { aTicket } from '../../__testUtils__/fixtures';
import { TicketSummary } from './TicketSummary';

describe('TicketSummary', () => {
  it('keeps the VM name of a request on one line', () => {
    const { container } = render(
      <TicketSummary
        ticket={aTicket({
          operation: 'POWER',
          powerAction: 'stop',
          vmName: 'dev-payments-payment-api-01',
        })}
      />,
    );

    expect(container).toHaveTextContent('Stop dev-payments-payment-api-01');
    expect(screen.getByText('dev-payments-payment-api-01')).toHaveStyle({
      whiteSpace: 'nowrap',
    });
  });

  it('says what a request for a new VM asks for', () => {
    const { container } = render(<TicketSummary ticket={aTicket()} />);

    expect(container).toHaveTextContent('New VM for payments/api in dev');
  });
});
