import { useApi } from '@backstage/core-plugin-api';
import { Environment } from '@kubevirt-shepherd/plugin-shepherd-common';
import useAsync from 'react-use/esm/useAsync';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { loadAll } from './loadAll';

/*
 * What the user may do where the browser cannot ask the permission framework itself: resource
 * permissions on records that do not exist yet (the VM to be) or on any record of a kind
 * (some ticket to decide). The backend answers them with the decisions it checks requests
 * with (GET /v1/capabilities) and checks every request again.
 */

/** What the signed-in user may do. */
export interface UserCapabilities {
  /** Whether the user may decide requests (some of them, at least). */
  decideRequests: boolean;
  /**
   * The environments the user may request VMs in, by the id of each System it can see
   * (empty: none); Systems it cannot see are absent. Empty unless asked for.
   */
  requestVms: ReadonlyMap<string, ReadonlyArray<Environment>>;
}

/** A capability that opens a page: one that the backend answers yes or no. */
export type ShepherdCapability = 'decideRequests';

/**
 * The signed-in user's capabilities, from the backend. With `requestVms: false` only what
 * needs no System is asked (one small call, e.g. for tabs); otherwise the environments of
 * every System the user can see are loaded too.
 */
export function useShepherdCapabilities(
  options: { requestVms?: boolean } = {},
): { value?: UserCapabilities; loading: boolean; error?: Error } {
  const api = useApi(shepherdApiRef);
  const withSystems = options.requestVms ?? true;
  const state = useAsync(async (): Promise<UserCapabilities> => {
    if (!withSystems) {
      const answer = await api.getCapabilities({ limit: 1 });
      return { decideRequests: answer.decideRequests, requestVms: new Map() };
    }
    let decideRequests = false;
    const systems = await loadAll(async paging => {
      const answer = await api.getCapabilities(paging);
      decideRequests = answer.decideRequests;
      return { ...answer, items: answer.requestVms };
    });
    return {
      decideRequests,
      requestVms: new Map(
        systems.map(system => [system.systemId, system.environments]),
      ),
    };
  }, [api, withSystems]);
  return { value: state.value, loading: state.loading, error: state.error };
}

/** The environments the user may request VMs in for a System (none for Systems it cannot see). */
export function requestableEnvironments(
  capabilities: UserCapabilities,
  systemId: string,
): ReadonlyArray<Environment> {
  return capabilities.requestVms.get(systemId) ?? [];
}
