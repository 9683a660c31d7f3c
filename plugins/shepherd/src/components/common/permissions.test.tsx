import {
  shepherdAuditReadPermission,
  shepherdVmDeletePermission,
  shepherdVmPowerPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { NOT_PERMITTED } from '../../labels';
import { PermissionGate, PermissionedButton, anyAllowed } from './permissions';

describe('permission helpers', () => {
  it('enable a button the user may use', async () => {
    const onClick = jest.fn();
    await renderShepherd(
      <PermissionedButton
        permission={shepherdVmPowerPermission}
        resourceRef="vm-1"
        onClick={onClick}
      >
        Start
      </PermissionedButton>,
    );

    const button = await screen.findByRole('button', { name: 'Start' });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalled();
  });

  it('disable a denied button and say why', async () => {
    await renderShepherd(
      <PermissionedButton
        permission={shepherdVmPowerPermission}
        resourceRef="vm-1"
      >
        Start
      </PermissionedButton>,
      { permissions: { deny: [shepherdVmPowerPermission] } },
    );

    const button = screen.getByRole('button', { name: 'Start' });
    expect(button).toBeDisabled();
    await userEvent.hover(button.parentElement!);
    expect(await screen.findByText(NOT_PERMITTED)).toBeInTheDocument();
  });

  it('hide a denied button when asked to', async () => {
    await renderShepherd(
      <PermissionedButton
        permission={shepherdVmDeletePermission}
        resourceRef="vm-1"
        whenDenied="hide"
      >
        Delete
      </PermissionedButton>,
      { permissions: { deny: [shepherdVmDeletePermission] } },
    );

    expect(
      screen.queryByRole('button', { name: 'Delete' }),
    ).not.toBeInTheDocument();
  });

  it('explain a button disabled for another reason', async () => {
    await renderShepherd(
      <PermissionedButton
        permission={shepherdVmPowerPermission}
        resourceRef="vm-1"
        disabled
        disabledReason="A VM cannot start while it is RUNNING"
      >
        Start
      </PermissionedButton>,
    );

    const button = screen.getByRole('button', { name: 'Start' });
    expect(button).toBeDisabled();
    await userEvent.hover(button.parentElement!);
    expect(
      await screen.findByText('A VM cannot start while it is RUNNING'),
    ).toBeInTheDocument();
  });

  it('render gated content only when allowed', async () => {
    await renderShepherd(
      <>
        <PermissionGate permission={shepherdAuditReadPermission}>
          <p>Audit trail</p>
        </PermissionGate>
        <PermissionGate
          permission={shepherdVmPowerPermission}
          resourceRef="vm-1"
          fallback={<p>No power</p>}
        >
          <p>Power</p>
        </PermissionGate>
      </>,
      { permissions: { allowOnly: [shepherdAuditReadPermission] } },
    );

    expect(await screen.findByText('Audit trail')).toBeInTheDocument();
    expect(await screen.findByText('No power')).toBeInTheDocument();
    expect(screen.queryByText('Power')).not.toBeInTheDocument();
  });

  it('open what any of several permissions opens, once one is granted', () => {
    const loading = { allowed: false, loading: true };
    const denied = { allowed: false, loading: false };
    const allowed = { allowed: true, loading: false };
    expect(anyAllowed([loading, allowed])).toEqual(allowed);
    expect(anyAllowed([loading, denied])).toEqual(loading);
    expect(anyAllowed([denied, denied])).toEqual(denied);
  });
});
