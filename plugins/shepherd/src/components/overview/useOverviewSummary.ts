import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { shepherdApiRef } from '../../api/ShepherdApi';

export type OverviewSummary = {
  /** VMs the user may see. */
  vmCount: number;
  /** The user's own requests that are not finished. */
  activeRequestCount: number;
};

/** How much the user already has in Shepherd: counts from the totals of one-item pages. */
export function useOverviewSummary() {
  const api = useApi(shepherdApiRef);
  return useAsyncRetry(async (): Promise<OverviewSummary> => {
    const [vms, requests] = await Promise.all([
      api.listVms({ limit: 1 }),
      api.listTickets({ scope: 'mine', statusGroup: 'ACTIVE', limit: 1 }),
    ]);
    return {
      vmCount: vms.totalItems,
      activeRequestCount: requests.totalItems,
    };
  }, [api]);
}
