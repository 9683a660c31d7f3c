import { PageRequest } from '../PageRequest';
import {
  Environment,
  Page,
  ShepherdCluster,
  WithWarnings,
  ShepherdApiRequestBody,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Actor } from '../Actor';

/** A cluster's registration; its kubeconfig is sanitised and encrypted, never stored or returned in clear. */
export type ClusterRegistration = ShepherdApiRequestBody<'RegisterCluster'>;

export type ClusterPatch = ShepherdApiRequestBody<'UpdateCluster'>;

/** The cluster registry and its credentials, for admins. */
export interface ClustersService {
  listClusters(
    actor: Actor,
    request: PageRequest & {
      environment?: Environment;
      enabled?: boolean;
    },
  ): Promise<Page<ShepherdCluster>>;
  getCluster(actor: Actor, id: string): Promise<ShepherdCluster>;
  registerCluster(
    actor: Actor,
    input: ClusterRegistration,
  ): Promise<WithWarnings<ShepherdCluster>>;
  updateCluster(
    actor: Actor,
    id: string,
    patch: ClusterPatch,
  ): Promise<ShepherdCluster>;
  rotateClusterCredentials(
    actor: Actor,
    id: string,
    kubeconfig: string,
  ): Promise<ShepherdCluster>;
  deleteCluster(actor: Actor, id: string): Promise<void>;
}

/**
 * The decrypted credentials of a cluster, for the VM provider inside the backend. Not part of
 * any route: nothing outside the backend process ever sees a kubeconfig.
 */
export interface ClusterCredentialsSource {
  getClusterKubeconfig(clusterId: string): Promise<string>;
}
