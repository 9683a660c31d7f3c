import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';

/**
 * How many VMs the user can see in a System and in each of the given Services, by id; a
 * count that could not be read is missing. The API has no counts on Systems and Services,
 * so each is the `totalItems` of a one-item page of the VM list.
 */
export function useVmCounts(systemId: string, serviceIds: string[]) {
  const api = useApi(shepherdApiRef);
  const countOf = (query: { systemId?: string; serviceId?: string }) =>
    api
      .listVms({ ...query, limit: 1 })
      .then(page => page.totalItems)
      .catch(() => undefined);
  const key = serviceIds.join(',');
  return useAsync(async () => {
    const [system, ...services] = await Promise.all([
      countOf({ systemId }),
      ...serviceIds.map(serviceId => countOf({ serviceId })),
    ]);
    const byService = new Map<string, number>();
    serviceIds.forEach((id, index) => {
      const count = services[index];
      if (count !== undefined) byService.set(id, count);
    });
    return { system, byService };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, systemId, key]);
}
