import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { SHEPHERD_SIGNAL_CHANNELS } from '@kubevirt-shepherd/plugin-shepherd-common';
import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { FakeSignalApi } from '../../__testUtils__/fakeSignalApi';
import { ticketChanges, vmChanges } from './liveSignals';
import {
  LiveDataOptions,
  POLL_INITIAL_INTERVAL_MS,
  POLL_MAX_INTERVAL_MS,
  SIGNALLED_POLL_INTERVAL_MS,
  useLiveData,
} from './useLiveData';

type Status = { status: string };

/** Lets pending promises and timers up to `ms` run. */
async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

function renderWithSignals<T>(
  signals: FakeSignalApi | undefined,
  load: () => Promise<T>,
  options: LiveDataOptions<T>,
) {
  const wrapper = ({ children }: { children: ReactNode }) =>
    signals ? (
      <TestApiProvider apis={[[signalApiRef, signals]]}>
        {children}
      </TestApiProvider>
    ) : (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
  return renderHook(() => useLiveData(load, [], options), { wrapper });
}

const VM_ID = 'a0d6c7a4-1111-4c1e-9a55-3f3c2d1e0b01';
const OTHER_VM_ID = 'a0d6c7a4-2222-4c1e-9a55-3f3c2d1e0b02';

describe('useLiveData with signals', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reloads a settled value when a signal concerns it, and only then', async () => {
    const signals = new FakeSignalApi();
    const answers = ['RUNNING', 'STOPPED'];
    const load = jest.fn(
      async (): Promise<Status> => ({ status: answers.shift() ?? 'STOPPED' }),
    );
    const { result } = renderWithSignals(signals, load, {
      signals: [vmChanges(VM_ID)],
      isSettled: () => true,
    });
    await advance(0);
    expect(result.current.value).toEqual({ status: 'RUNNING' });

    // Settled: nothing is polled, however long the page stays open.
    await advance(SIGNALLED_POLL_INTERVAL_MS * 10);
    // Another VM changed, and a ticket did: not this value's business.
    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
      changes: [{ id: OTHER_VM_ID, change: 'upserted' }],
    });
    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.tickets, {
      changes: [{ id: 'ticket-1', vmId: VM_ID }],
    });
    expect(load).toHaveBeenCalledTimes(1);

    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
      changes: [
        { id: OTHER_VM_ID, change: 'upserted' },
        { id: VM_ID, change: 'upserted' },
      ],
    });
    await advance(0);

    expect(load).toHaveBeenCalledTimes(2);
    expect(result.current.value).toEqual({ status: 'STOPPED' });
    expect(result.current.loading).toBe(false);
  });

  it('polls work in progress only slowly while signals tell about its changes', async () => {
    const signals = new FakeSignalApi();
    const load = jest.fn(async (): Promise<Status> => ({ status: 'STARTING' }));
    const { result } = renderWithSignals(signals, load, {
      signals: [vmChanges(VM_ID)],
      isSettled: () => false,
    });
    await advance(0);
    expect(result.current.polling).toBe(true);

    await advance(SIGNALLED_POLL_INTERVAL_MS - 1);
    expect(load).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(load).toHaveBeenCalledTimes(2);
    await advance(SIGNALLED_POLL_INTERVAL_MS);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('falls back to polling with backoff where the portal has no signals API', async () => {
    const load = jest.fn(async (): Promise<Status> => ({ status: 'STARTING' }));
    renderWithSignals(undefined, load, {
      signals: [vmChanges(VM_ID)],
      isSettled: value => value.status === 'RUNNING',
    });

    await advance(0);
    expect(load).toHaveBeenCalledTimes(1);
    await advance(POLL_INITIAL_INTERVAL_MS); // 2 s
    expect(load).toHaveBeenCalledTimes(2);
    await advance(2 * POLL_INITIAL_INTERVAL_MS); // 4 s
    expect(load).toHaveBeenCalledTimes(3);
    await advance(8_000 + 16_000 + POLL_MAX_INTERVAL_MS);
    expect(load).toHaveBeenCalledTimes(6);
  });

  it('answers a burst of signals during a load with one more load, never an older answer', async () => {
    const signals = new FakeSignalApi();
    const pending: Array<(status: Status) => void> = [];
    const load = jest.fn(
      () => new Promise<Status>(resolve => pending.push(resolve)),
    );
    const { result } = renderWithSignals(signals, load, {
      signals: [vmChanges()],
      isSettled: () => true,
    });
    await act(async () => pending.shift()!({ status: 'RUNNING' }));
    expect(result.current.value).toEqual({ status: 'RUNNING' });

    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
      changes: [{ id: VM_ID, change: 'upserted' }],
    });
    expect(load).toHaveBeenCalledTimes(2);
    // Three more changes while the second load runs.
    for (let i = 0; i < 3; i++) {
      await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
        changes: [{ id: OTHER_VM_ID, change: 'upserted' }],
      });
    }
    expect(load).toHaveBeenCalledTimes(2);
    await act(async () => pending.shift()!({ status: 'STOPPING' }));
    expect(load).toHaveBeenCalledTimes(3);
    await act(async () => pending.shift()!({ status: 'STOPPED' }));

    expect(result.current.value).toEqual({ status: 'STOPPED' });
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('keeps its subscriptions while reloading, and ends them when the page goes', async () => {
    const signals = new FakeSignalApi();
    const load = jest.fn(async (): Promise<Status> => ({ status: 'RUNNING' }));
    const { result, unmount } = renderWithSignals(signals, load, {
      signals: [vmChanges(VM_ID), ticketChanges({ vmId: VM_ID })],
      isSettled: () => true,
    });
    await advance(0);
    expect(signals.subscriberCount(SHEPHERD_SIGNAL_CHANNELS.vms)).toBe(1);
    expect(signals.subscriberCount(SHEPHERD_SIGNAL_CHANNELS.tickets)).toBe(1);

    act(() => result.current.refresh());
    await advance(0);
    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.tickets, {
      changes: [{ id: 'ticket-1', vmId: VM_ID }],
    });
    await advance(0);
    expect(load).toHaveBeenCalledTimes(3);
    expect(signals.subscriberCount(SHEPHERD_SIGNAL_CHANNELS.vms)).toBe(1);

    unmount();
    expect(signals.subscriberCount(SHEPHERD_SIGNAL_CHANNELS.vms)).toBe(0);
    expect(signals.subscriberCount(SHEPHERD_SIGNAL_CHANNELS.tickets)).toBe(0);
    await signals.signal(SHEPHERD_SIGNAL_CHANNELS.vms, {
      changes: [{ id: VM_ID, change: 'removed' }],
    });
    expect(load).toHaveBeenCalledTimes(3);
  });
});

describe('which signals concern a page', () => {
  it('tells a ticket by its id or its VM, and any ticket to a list', () => {
    const message = { changes: [{ id: 'ticket-1', vmId: VM_ID }] };
    expect(ticketChanges({ ticketId: 'ticket-1' }).concerns!(message)).toBe(
      true,
    );
    expect(ticketChanges({ ticketId: 'ticket-2' }).concerns!(message)).toBe(
      false,
    );
    expect(ticketChanges({ vmId: VM_ID }).concerns!(message)).toBe(true);
    expect(ticketChanges({ vmId: OTHER_VM_ID }).concerns!(message)).toBe(false);
    expect(ticketChanges().concerns).toBeUndefined();
    expect(vmChanges().concerns).toBeUndefined();
    // A message of another shape concerns no single record.
    expect(vmChanges(VM_ID).concerns!({ something: 'else' })).toBe(false);
  });
});
