import { useApi } from '@backstage/core-plugin-api';
import {
  ShepherdInstanceSize,
  ShepherdTemplate,
  ShepherdTicket,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { loadAll } from '../common';

/** The template and instance size a new-VM request names, as far as they are known. */
export type RequestedCatalogItems = {
  template?: Pick<ShepherdTemplate, 'id' | 'displayName'>;
  instanceSize?: Pick<ShepherdInstanceSize, 'id' | 'displayName'>;
  /** Whether the look-up in the catalog is still under way. */
  loading: boolean;
};

function idAt(spec: Record<string, unknown>, key: string): string | undefined {
  const value = spec[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The template and instance size of a new-VM request. An approved request carries the
 * snapshots taken at approval; before that only their ids are known, so they are looked up
 * in what the request's namespace offers. An item no longer offered (or a failed look-up)
 * stays unnamed, and the page says so (its id in a tooltip).
 */
export function useRequestedCatalogItems(
  ticket: ShepherdTicket,
): RequestedCatalogItems {
  const api = useApi(shepherdApiRef);
  const { operation, namespace, requestSpec } = ticket;
  const templateId = idAt(requestSpec, 'templateId');
  const instanceSizeId = idAt(requestSpec, 'instanceSizeId');
  const needsTemplate =
    operation === 'CREATE' && !ticket.templateSnapshot && !!templateId;
  const needsInstanceSize =
    operation === 'CREATE' && !ticket.instanceSizeSnapshot && !!instanceSizeId;

  const offered = useAsync(async () => {
    const [templates, instanceSizes] = await Promise.all([
      needsTemplate
        ? loadAll(paging => api.listCatalogTemplates({ ...paging, namespace }))
        : [],
      needsInstanceSize
        ? loadAll(paging =>
            api.listCatalogInstanceSizes({ ...paging, namespace }),
          )
        : [],
    ]);
    return {
      template: templates.find(item => item.id === templateId),
      instanceSize: instanceSizes.find(item => item.id === instanceSizeId),
    };
  }, [
    api,
    namespace,
    templateId,
    instanceSizeId,
    needsTemplate,
    needsInstanceSize,
  ]);

  return {
    template: ticket.templateSnapshot ?? offered.value?.template,
    instanceSize: ticket.instanceSizeSnapshot ?? offered.value?.instanceSize,
    loading: offered.loading,
  };
}
