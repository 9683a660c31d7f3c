import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { ShepherdApiError } from '../../api/ShepherdApiError';
import {
  ConfirmationDialog,
  ConfirmationTier,
  TYPE_NAME_LABEL,
  deletionTierFor,
  toDeletionConfirmation,
} from './ConfirmationDialog';

function renderDialog(
  tier: ConfirmationTier,
  overrides: Partial<Parameters<typeof ConfirmationDialog>[0]> = {},
) {
  const onConfirm = jest.fn();
  const onCancel = jest.fn();
  const rendered = renderShepherd(
    <ConfirmationDialog
      open
      title="Delete it?"
      tier={tier}
      confirmLabel="Delete"
      onConfirm={onConfirm}
      onCancel={onCancel}
      {...overrides}
    />,
  );
  return { rendered, onConfirm, onCancel };
}

const confirmButton = () => screen.getByRole('button', { name: 'Delete' });

describe('ConfirmationDialog', () => {
  it('confirms with the button alone in the button tier', async () => {
    const { rendered, onConfirm } = renderDialog({ kind: 'button' });
    await rendered;

    await userEvent.click(confirmButton());

    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('needs the box ticked in the checkbox tier', async () => {
    const { rendered, onConfirm } = renderDialog({
      kind: 'checkbox',
      label: 'I understand',
    });
    await rendered;
    expect(confirmButton()).toBeDisabled();

    await userEvent.click(screen.getByLabelText('I understand'));
    await userEvent.click(confirmButton());

    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('needs the exact name typed in the type-name tier', async () => {
    const { rendered, onConfirm } = renderDialog({
      kind: 'type-name',
      name: 'prod-payments-api-01',
    });
    await rendered;
    const field = screen.getByLabelText(TYPE_NAME_LABEL);

    await userEvent.type(field, 'prod-payments-api-0');
    expect(confirmButton()).toBeDisabled();
    await userEvent.type(field, '1');
    await userEvent.click(confirmButton());

    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('waits for the caller’s own fields', async () => {
    const { rendered } = renderDialog(
      { kind: 'button' },
      { canConfirm: false },
    );
    await rendered;
    expect(confirmButton()).toBeDisabled();
  });

  it('shows the error of the action with its code and can be cancelled', async () => {
    const { rendered, onCancel } = renderDialog(
      { kind: 'button' },
      {
        error: new ShepherdApiError({
          message: 'The VM is already being deleted',
          code: 'VM_STATE_CONFLICT',
          status: 409,
        }),
      },
    );
    await rendered;

    expect(screen.getByText('VM_STATE_CONFLICT')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });

  it('cannot be confirmed twice while the action runs', async () => {
    const { rendered } = renderDialog({ kind: 'button' }, { busy: true });
    await rendered;
    expect(confirmButton()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });
});

describe('deletion tiers', () => {
  it('asks for a tick in test and the name in prod', () => {
    expect(deletionTierFor('test', 'dev-a-b-01').kind).toBe('checkbox');
    expect(deletionTierFor('prod', 'prod-a-b-01')).toEqual({
      kind: 'type-name',
      name: 'prod-a-b-01',
    });
  });

  it('turns a tier into the API’s confirmation', () => {
    expect(toDeletionConfirmation(deletionTierFor('test', 'x'))).toEqual({
      confirm: true,
    });
    expect(toDeletionConfirmation(deletionTierFor('prod', 'x'))).toEqual({
      confirm_name: 'x',
    });
  });
});
