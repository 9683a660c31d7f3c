import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  SHEPHERD_ANNOTATIONS,
  ShepherdVm,
  shepherdVmPowerPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aVm } from '../../__testUtils__/fixtures';
import { aVmStartedLate } from '../../__testUtils__/scenarios';
import {
  RenderShepherdOptions,
  renderShepherd,
} from '../../__testUtils__/renderShepherd';
import { ShepherdApi } from '../../api/ShepherdApi';
import { POLL_INITIAL_INTERVAL_MS, POLL_MAX_INTERVAL_MS } from '../common';
import {
  ENTITY_VM_CARD_TITLE,
  EntityShepherdVmCard,
  OPEN_CONSOLE_LABEL,
  OPEN_VM_PAGE_LABEL,
} from './EntityShepherdVmCard';
import { isShepherdVm } from './isShepherdVm';
import { refusing } from '../../__testUtils__/refusing';

/** A VM's Resource entity as the Shepherd entity provider publishes it. */
function vmEntity(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'dev-payments-api-01',
      namespace: 'default',
      annotations: { [SHEPHERD_ANNOTATIONS.vmId]: 'vm-1', ...annotations },
    },
    spec: {
      type: 'virtual-machine',
      owner: 'group:default/team-payments',
      system: 'system:default/payments',
      dependencyOf: ['component:default/payment-api'],
    },
  };
}

function renderCard(
  stubs: Partial<ShepherdApi>,
  options: Pick<RenderShepherdOptions, 'permissions'> & {
    entity?: Entity;
  } = {},
) {
  return renderShepherd(
    <EntityProvider entity={options.entity ?? vmEntity()}>
      <EntityShepherdVmCard />
    </EntityProvider>,
    { api: stubs, permissions: options.permissions },
  );
}

const button = (name: string) => screen.getByRole('button', { name });

describe('entity VM card', () => {
  afterEach(() => jest.useRealTimers());

  it("shows the VM of the entity's annotation: status, placement and resources", async () => {
    const { api } = await renderCard({
      getVm: async () =>
        aVm({ statusMessage: 'Restart to apply the new memory size' }),
    });

    expect(await screen.findByText('RUNNING')).toBeInTheDocument();
    expect(api.getVm).toHaveBeenCalledWith('vm-1');
    expect(screen.getByText(ENTITY_VM_CARD_TITLE)).toBeInTheDocument();
    expect(
      screen.getByText('Restart to apply the new memory size'),
    ).toBeInTheDocument();
    expect(screen.getByText('test')).toBeInTheDocument();
    expect(screen.getByText('sim-test')).toBeInTheDocument();
    expect(screen.getByText('dev')).toBeInTheDocument();
    expect(screen.getByText('2 cores (request 1)')).toBeInTheDocument();
    expect(screen.getByText('4 GiB')).toBeInTheDocument();
    expect(screen.getByText('20 GiB')).toBeInTheDocument();
  });

  it("links to the VM's page and, while it runs, to its console access there", async () => {
    await renderCard({ getVm: async () => aVm() });

    expect(
      (await screen.findByText(OPEN_VM_PAGE_LABEL)).closest('a'),
    ).toHaveAttribute('href', '/shepherd/vms/vm-1');
    expect(
      screen.getByRole('link', { name: OPEN_CONSOLE_LABEL }),
    ).toHaveAttribute('href', '/shepherd/vms/vm-1');
  });

  it('says why a VM that does not run has no console', async () => {
    await renderCard({ getVm: async () => aVm({ status: 'STOPPED' }) });

    expect(
      await screen.findByText(
        'The console is only available while the VM runs; it is STOPPED',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: OPEN_CONSOLE_LABEL }),
    ).not.toBeInTheDocument();
  });

  it('starts a stopped test VM and shows its new state', async () => {
    let vm: ShepherdVm = aVm({ status: 'STOPPED' });
    const { api } = await renderCard({
      getVm: async () => vm,
      requestVmPower: async () => {
        vm = aVm({ status: 'RUNNING' });
        return { status: 'ACCEPTED', eventId: 'event-start' };
      },
    });
    await screen.findByText('STOPPED');
    await waitFor(() => expect(button('Start')).toBeEnabled());

    await userEvent.click(button('Start'));

    expect(await screen.findByText('RUNNING')).toBeInTheDocument();
    expect(api.requestVmPower).toHaveBeenCalledWith('vm-1', {
      action: 'start',
      reason: undefined,
    });
    // The new state says what came of the start: its note is not kept beside it.
    await waitFor(() =>
      expect(screen.queryByText(/Start accepted/)).not.toBeInTheDocument(),
    );
  });

  it('follows a started VM until the job has moved it on, although the first reload still shows it stopped', async () => {
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const { api } = await renderCard(aVmStartedLate().api);
    await screen.findByText('STOPPED');
    await waitFor(() => expect(button('Start')).toBeEnabled());

    await user.click(button('Start'));
    expect(await screen.findByText(/Start accepted/)).toBeInTheDocument();
    await waitFor(() => expect(api.getVm).toHaveBeenCalledTimes(2));
    expect(screen.getByText('STOPPED')).toBeInTheDocument();

    await act(() => jest.advanceTimersByTimeAsync(POLL_INITIAL_INTERVAL_MS));
    expect(await screen.findByText('STARTING')).toBeInTheDocument();
    await act(() => jest.advanceTimersByTimeAsync(POLL_INITIAL_INTERVAL_MS));
    expect(await screen.findByText('RUNNING')).toBeInTheDocument();

    // Settled: no more polling.
    await act(() => jest.advanceTimersByTimeAsync(POLL_MAX_INTERVAL_MS * 2));
    expect(api.getVm).toHaveBeenCalledTimes(4);
  });

  it('disables power actions for users without the permission', async () => {
    await renderCard(
      { getVm: async () => aVm({ status: 'STOPPED' }) },
      { permissions: { deny: [shepherdVmPowerPermission] } },
    );
    await screen.findByText('STOPPED');

    await waitFor(() => expect(button('Resize')).toBeEnabled());
    expect(button('Start')).toBeDisabled();
  });

  it('says when the VM is not in Shepherd', async () => {
    await renderCard({
      getVm: refusing({
        message: 'VM vm-1 was not found',
        code: 'NOT_FOUND',
        status: 404,
      }),
    });

    expect(
      await screen.findByText('VM not found in Shepherd'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Start' }),
    ).not.toBeInTheDocument();
  });

  it('shows why the VM could not be loaded, with the error code', async () => {
    await renderCard({
      getVm: refusing({
        message: 'Missing credentials',
        code: 'UNAUTHENTICATED',
        status: 401,
      }),
    });

    expect(await screen.findByText('UNAUTHENTICATED')).toBeInTheDocument();
    expect(screen.getByText('Could not load the VM')).toBeInTheDocument();
  });

  it('names the missing annotation on a Resource that does not stand for a Shepherd VM', async () => {
    const entity = vmEntity();
    delete entity.metadata.annotations![SHEPHERD_ANNOTATIONS.vmId];
    const { api } = await renderCard({}, { entity });

    expect(
      await screen.findByText(SHEPHERD_ANNOTATIONS.vmId, { selector: 'code' }),
    ).toBeInTheDocument();
    expect(api.getVm).not.toHaveBeenCalled();
  });

  it('appears on virtual-machine Resources only', () => {
    expect(isShepherdVm(vmEntity())).toBe(true);
    expect(
      isShepherdVm({ ...vmEntity(), spec: { type: 'database', owner: 'x' } }),
    ).toBe(false);
    expect(isShepherdVm({ ...vmEntity(), kind: 'Component' })).toBe(false);
  });
});
