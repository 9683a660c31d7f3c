import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { loadAll } from '../common';

/**
 * What the wizard offers, loaded once per choice it depends on: Systems and namespaces at
 * once, the Services of the chosen System, and the templates and instance sizes offered in
 * the chosen namespace's environment.
 */
export function useWizardCatalogs(choice: {
  systemId?: string;
  namespace?: string;
}) {
  const api = useApi(shepherdApiRef);
  const { systemId, namespace } = choice;
  const systems = useAsyncRetry(
    () => loadAll(paging => api.listSystems(paging)),
    [api],
  );
  const services = useAsyncRetry(
    async () =>
      systemId
        ? loadAll(paging => api.listServices({ ...paging, systemId }))
        : [],
    [api, systemId],
  );
  const namespaces = useAsyncRetry(
    () => loadAll(paging => api.listCatalogNamespaces(paging)),
    [api],
  );
  const templates = useAsyncRetry(
    async () =>
      namespace
        ? loadAll(paging => api.listCatalogTemplates({ ...paging, namespace }))
        : [],
    [api, namespace],
  );
  const instanceSizes = useAsyncRetry(
    async () =>
      namespace
        ? (
            await loadAll(paging =>
              api.listCatalogInstanceSizes({ ...paging, namespace }),
            )
          ).sort((a, b) => a.sortOrder - b.sortOrder)
        : [],
    [api, namespace],
  );
  return { systems, services, namespaces, templates, instanceSizes };
}

export type WizardCatalogs = ReturnType<typeof useWizardCatalogs>;
