import { act, renderHook } from '@testing-library/react';
import {
  POLL_INITIAL_INTERVAL_MS,
  POLL_MAX_INTERVAL_MS,
  useLiveData,
} from './useLiveData';

type Status = { status: string };

/** Lets pending promises and timers up to `ms` run. */
async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

describe('useLiveData', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('loads once and stops when the value is settled', async () => {
    const load = jest.fn(async (): Promise<Status> => ({ status: 'RUNNING' }));
    const { result } = renderHook(() =>
      useLiveData(load, [], { isSettled: value => value.status === 'RUNNING' }),
    );
    expect(result.current.loading).toBe(true);

    await advance(0);
    expect(result.current.value).toEqual({ status: 'RUNNING' });
    expect(result.current.polling).toBe(false);

    await advance(POLL_MAX_INTERVAL_MS * 2);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('polls with growing intervals while nothing changes, up to the maximum', async () => {
    const load = jest.fn(async (): Promise<Status> => ({ status: 'STARTING' }));
    renderHook(() => useLiveData(load, [], { isSettled: () => false }));

    await advance(0);
    expect(load).toHaveBeenCalledTimes(1);
    await advance(POLL_INITIAL_INTERVAL_MS); // 2 s
    expect(load).toHaveBeenCalledTimes(2);
    await advance(POLL_INITIAL_INTERVAL_MS); // 4 s are not over yet
    expect(load).toHaveBeenCalledTimes(2);
    await advance(POLL_INITIAL_INTERVAL_MS); // 4 s
    expect(load).toHaveBeenCalledTimes(3);
    await advance(8_000 + 16_000); // 8 s, 16 s
    expect(load).toHaveBeenCalledTimes(5);
    await advance(POLL_MAX_INTERVAL_MS - 1);
    expect(load).toHaveBeenCalledTimes(5);
    await advance(1); // capped at 30 s, not 32 s
    expect(load).toHaveBeenCalledTimes(6);
  });

  it('asks again soon after the value changed, and stops once settled', async () => {
    const answers = ['STARTING', 'STARTING', 'STARTING', 'RUNNING'];
    const load = jest.fn(
      async (): Promise<Status> => ({
        status: answers.shift() ?? 'RUNNING',
      }),
    );
    const { result } = renderHook(() =>
      useLiveData(load, [], { isSettled: value => value.status === 'RUNNING' }),
    );

    await advance(0 + 2_000 + 4_000 + 8_000);
    expect(load).toHaveBeenCalledTimes(4);
    expect(result.current.value).toEqual({ status: 'RUNNING' });
    expect(result.current.polling).toBe(false);
  });

  it('keeps the last value and backs off when a poll fails', async () => {
    const load = jest
      .fn<Promise<Status>, []>()
      .mockResolvedValueOnce({ status: 'STARTING' })
      .mockRejectedValueOnce(new Error('Bad gateway'))
      .mockResolvedValue({ status: 'RUNNING' });
    const { result } = renderHook(() =>
      useLiveData(load, [], { isSettled: value => value.status === 'RUNNING' }),
    );

    await advance(0);
    await advance(2_000);
    expect(result.current.error?.message).toBe('Bad gateway');
    expect(result.current.value).toEqual({ status: 'STARTING' });

    await advance(4_000);
    expect(result.current.error).toBeUndefined();
    expect(result.current.value).toEqual({ status: 'RUNNING' });
  });

  it('stops polling after an error that asking again cannot change, keeping the last value', async () => {
    const gone = new Error('Not found');
    const load = jest
      .fn<Promise<Status>, []>()
      .mockResolvedValueOnce({ status: 'DELETING' })
      .mockRejectedValue(gone);
    const { result } = renderHook(() =>
      useLiveData(load, [], {
        isSettled: () => false,
        isFinalError: error => error === gone,
      }),
    );

    await advance(0);
    await advance(POLL_INITIAL_INTERVAL_MS);
    expect(result.current.error).toBe(gone);
    expect(result.current.value).toEqual({ status: 'DELETING' });
    expect(result.current.polling).toBe(false);

    await advance(POLL_MAX_INTERVAL_MS * 4);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads again at once on refresh, keeping the value meanwhile', async () => {
    let status = 'STOPPED';
    const load = jest.fn(async (): Promise<Status> => ({ status }));
    const { result } = renderHook(() => useLiveData(load, []));
    await advance(0);
    expect(load).toHaveBeenCalledTimes(1);

    status = 'STARTING';
    act(() => result.current.refresh());
    expect(result.current.value).toEqual({ status: 'STOPPED' });
    await advance(0);

    expect(load).toHaveBeenCalledTimes(2);
    expect(result.current.value).toEqual({ status: 'STARTING' });
  });

  it('starts over when its dependencies change and stops polling when unmounted', async () => {
    const load = jest.fn(
      async (id: string): Promise<Status> => ({ status: id }),
    );
    const { result, rerender, unmount } = renderHook(
      ({ id }) => useLiveData(() => load(id), [id], { isSettled: () => false }),
      { initialProps: { id: 'vm-1' } },
    );
    await advance(0);
    expect(result.current.value).toEqual({ status: 'vm-1' });

    rerender({ id: 'vm-2' });
    await advance(0);
    expect(result.current.value).toEqual({ status: 'vm-2' });

    unmount();
    const calls = load.mock.calls.length;
    await advance(POLL_MAX_INTERVAL_MS * 3);
    expect(load).toHaveBeenCalledTimes(calls);
  });
});
