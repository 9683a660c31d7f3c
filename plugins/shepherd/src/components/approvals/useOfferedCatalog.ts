import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdInstanceSize,
  ShepherdTemplate,
  ShepherdTicket,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { displayNameOf, loadAll } from '../common';

/** The templates and sizes offered in a ticket's namespace, as far as the approver may read them. */
export type OfferedCatalog = {
  templates: ShepherdTemplate[];
  sizes: ShepherdInstanceSize[];
  /** Why the catalog could not be read (e.g. the approver may not use the namespace). */
  error?: Error;
};

/**
 * The request catalog of a new VM's namespace: names the requested template and size, and
 * offers the alternatives an approver may replace them with. The preview carries ids only,
 * so this reads the catalog as the approver sees it; when that fails the page shows ids.
 */
export function useOfferedCatalog(ticket: ShepherdTicket | undefined) {
  const api = useApi(shepherdApiRef);
  const namespace =
    ticket?.operation === 'CREATE' ? ticket.namespace : undefined;
  return useAsync(async (): Promise<OfferedCatalog> => {
    if (!namespace) {
      return { templates: [], sizes: [] };
    }
    try {
      const [templates, sizes] = await Promise.all([
        loadAll(paging => api.listCatalogTemplates({ ...paging, namespace })),
        loadAll(paging =>
          api.listCatalogInstanceSizes({ ...paging, namespace }),
        ),
      ]);
      return { templates, sizes };
    } catch (error) {
      return {
        templates: [],
        sizes: [],
        error: error instanceof Error ? error : new Error(String(error)),
      };
    }
  }, [api, namespace]);
}

/** A template's name for people: from the catalog, the ticket's snapshot, or its id. */
export function templateNameOf(
  templateId: string | undefined,
  catalog: OfferedCatalog | undefined,
  snapshot?: ShepherdTemplate,
): string {
  if (!templateId) return '';
  const template =
    catalog?.templates.find(item => item.id === templateId) ??
    (snapshot?.id === templateId ? snapshot : undefined);
  return template ? displayNameOf(template) : templateId;
}

/** A size's name for people: from the catalog, the ticket's snapshot, or its id. */
export function sizeOf(
  instanceSizeId: string | undefined,
  catalog: OfferedCatalog | undefined,
  snapshot?: ShepherdInstanceSize,
): ShepherdInstanceSize | undefined {
  if (!instanceSizeId) return undefined;
  return (
    catalog?.sizes.find(item => item.id === instanceSizeId) ??
    (snapshot?.id === instanceSizeId ? snapshot : undefined)
  );
}
