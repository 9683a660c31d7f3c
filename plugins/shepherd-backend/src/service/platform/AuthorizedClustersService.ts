import { PermissionGate } from '../../permissions/PermissionGate';
import {
  shepherdClusterManagePermission,
  shepherdClusterReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import {
  ClusterPatch,
  ClusterRegistration,
  ClustersService,
} from './ClustersService';

/** The cluster registry: `shepherd.cluster.read` to look, `shepherd.cluster.manage` to change. */
export class AuthorizedClustersService implements ClustersService {
  readonly #read: PermissionGate;
  readonly #manage: PermissionGate;

  constructor(
    private readonly inner: ClustersService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#read = new PermissionGate(
      authorizer,
      shepherdClusterReadPermission,
      'You may not read the cluster registry',
    );
    this.#manage = new PermissionGate(
      authorizer,
      shepherdClusterManagePermission,
      'You may not manage clusters',
    );
  }

  async listClusters(
    actor: Actor,
    request: Parameters<ClustersService['listClusters']>[1],
  ) {
    await this.#read.require(actor);
    return this.inner.listClusters(actor, request);
  }

  async getCluster(actor: Actor, id: string) {
    await this.#read.require(actor);
    return this.inner.getCluster(actor, id);
  }

  async registerCluster(actor: Actor, input: ClusterRegistration) {
    await this.#manage.require(actor);
    return this.inner.registerCluster(actor, input);
  }

  async updateCluster(actor: Actor, id: string, patch: ClusterPatch) {
    await this.#manage.require(actor);
    return this.inner.updateCluster(actor, id, patch);
  }

  async rotateClusterCredentials(actor: Actor, id: string, kubeconfig: string) {
    await this.#manage.require(actor);
    return this.inner.rotateClusterCredentials(actor, id, kubeconfig);
  }

  async deleteCluster(actor: Actor, id: string) {
    await this.#manage.require(actor);
    return this.inner.deleteCluster(actor, id);
  }
}
