import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdCluster,
  ShepherdNamespace,
  ShepherdService,
  ShepherdSystem,
  shepherdClusterReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { useShepherdPermission } from '../common';

/** How many options each filter offers: the API's largest page. */
export const FILTER_OPTION_LIMIT = 100;

/** Options of one filter; `available` is false when the user may not list them (the filter is then hidden). */
export type FilterOptions<T> = { items: T[]; available: boolean };

const UNAVAILABLE = { items: [], available: false };

/**
 * The choices of the VM list's filters: Systems, the chosen System's Services, namespaces
 * and clusters. A list the user may not read (clusters need shepherd.cluster.read) hides its
 * filter instead of failing the page.
 */
export function useVmFilterOptions(systemId: string | undefined): {
  systems: FilterOptions<ShepherdSystem>;
  services: FilterOptions<ShepherdService>;
  namespaces: FilterOptions<ShepherdNamespace>;
  clusters: FilterOptions<ShepherdCluster>;
} {
  const api = useApi(shepherdApiRef);
  const clusterRead = useShepherdPermission(shepherdClusterReadPermission);

  const systems = useAsync(
    () => api.listSystems({ limit: FILTER_OPTION_LIMIT }),
    [api],
  );
  const services = useAsync(
    () => api.listServices({ systemId, limit: FILTER_OPTION_LIMIT }),
    [api, systemId],
  );
  const namespaces = useAsync(
    () => api.listCatalogNamespaces({ limit: FILTER_OPTION_LIMIT }),
    [api],
  );
  const clusters = useAsync(async () => {
    if (!clusterRead.allowed) {
      return undefined;
    }
    return api.listClusters({ limit: FILTER_OPTION_LIMIT });
  }, [api, clusterRead.allowed]);

  const optionsOf = <T>(state: {
    value?: { items: T[] };
    error?: Error;
  }): FilterOptions<T> =>
    state.value && !state.error
      ? { items: state.value.items, available: true }
      : UNAVAILABLE;

  return {
    systems: optionsOf(systems),
    services: optionsOf(services),
    namespaces: optionsOf(namespaces),
    clusters: optionsOf(clusters),
  };
}
