import { useApi } from '@backstage/core-plugin-api';
import { ShepherdVm } from '@kubevirt-shepherd/plugin-shepherd-common';
import { useCallback, useEffect, useRef } from 'react';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { isShepherdApiError } from '../../api/ShepherdApiError';
import { LiveData, useLiveData, vmChanges } from '../common';
import type { VmActionResult } from './VmActions';
import { isTransitional } from './vmRules';

/*
 * An accepted power action is carried out by a job a moment later: until the job sends the
 * action and marks the VM STARTING or STOPPING, the VM still shows its old, stable status.
 * A page that reloads the VM right after the action would see nothing in progress and stop
 * following it, so after an accepted action the VM is followed until its record changes.
 */

/**
 * How long a VM is followed after an accepted action while its record stays the same (the
 * job may wait behind others); after that it is left alone until the user acts again.
 */
export const ACCEPTED_ACTION_FOLLOW_MS = 5 * 60_000;

/** The VM as it was when an action on it was accepted, and until when its change is awaited. */
export type AwaitedVmChange = {
  before: Pick<ShepherdVm, 'status' | 'updatedAt'>;
  until: number;
};

/**
 * Whether the VM has not yet changed since an action on it was accepted. Any change counts,
 * even back to the same status: a restart ends RUNNING again, but the job rewrites the record.
 */
export function awaitsVmChange(
  awaited: AwaitedVmChange | undefined,
  vm: Pick<ShepherdVm, 'status' | 'updatedAt'>,
  now: number,
): boolean {
  return (
    awaited !== undefined &&
    now < awaited.until &&
    vm.status === awaited.before.status &&
    vm.updatedAt === awaited.before.updatedAt
  );
}

/**
 * Whether an answer says the VM is gone: its record is removed once its deletion was carried
 * out, and the API answers 404 from then on (as it does for a VM the user may not see).
 */
export function isVmGone(error: Error | undefined): boolean {
  return isShepherdApiError(error) && error.status === 404;
}

export type LiveVmOptions = {
  /**
   * Whether a request on the VM is under way (waiting for approval or being carried out):
   * the VM is followed meanwhile and reloaded once it ends, to show what the request did.
   */
  requestInFlight?: boolean;
};

export type LiveVm = LiveData<ShepherdVm> & {
  /**
   * Whether the VM is gone (the API answered 404): it is no longer followed, and `value`, if
   * any, is how it was before.
   */
  gone: boolean;
  /**
   * Call after an action on the VM: reloads it and, when the action was accepted, follows it
   * until the action shows.
   */
  followAction: (result: VmActionResult) => void;
};

/**
 * A VM, kept current while something happens to it: while it is in a transitional status,
 * after an action on it was accepted until the job has picked it up, and while a request on
 * it is in flight; no longer once it is gone. Shared by the VM page and the VM card of the catalog entity page.
 */
export function useLiveVm(vmId: string, options: LiveVmOptions = {}): LiveVm {
  const { requestInFlight = false } = options;
  const api = useApi(shepherdApiRef);
  const awaitedChange = useRef<AwaitedVmChange>();
  const inFlight = useRef(requestInFlight);
  inFlight.current = requestInFlight;

  const vm = useLiveData(() => api.getVm(vmId), [api, vmId], {
    signals: [vmChanges(vmId)],
    isSettled: value =>
      !isTransitional(value) &&
      !awaitsVmChange(awaitedChange.current, value, Date.now()) &&
      !inFlight.current,
    isFinalError: isVmGone,
  });
  const { refresh, value } = vm;
  const gone = isVmGone(vm.error);

  const followAction = useCallback(
    (result: VmActionResult) => {
      awaitedChange.current =
        result === 'accepted' && value
          ? {
              before: { status: value.status, updatedAt: value.updatedAt },
              until: Date.now() + ACCEPTED_ACTION_FOLLOW_MS,
            }
          : undefined;
      refresh();
    },
    [refresh, value],
  );

  // A request that starts or ends changes what needs following: ask again at once, unless
  // the VM is gone (its deletion ends a request too).
  const previousInFlight = useRef(requestInFlight);
  useEffect(() => {
    if (previousInFlight.current !== requestInFlight) {
      previousInFlight.current = requestInFlight;
      if (!gone) refresh();
    }
  }, [requestInFlight, refresh, gone]);

  return { ...vm, gone, followAction };
}
