import { BasicPermission } from '@backstage/plugin-permission-common';
import {
  shepherdCatalogManagePermission,
  shepherdClusterManagePermission,
  shepherdClusterReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { notAllowed } from '../errors';
import {
  ClusterPatch,
  ClusterRegistration,
  ClustersService,
  InstanceSizeInput,
  InstanceSizePatch,
  InstanceSizesService,
  NamespaceInput,
  NamespacePatch,
  NamespacesService,
  TemplateInput,
  TemplatePatch,
  TemplatesService,
} from './CatalogsService';

/**
 * A basic permission in front of a group of admin operations. Admin catalogs are not
 * per-resource: whoever may manage them sees all of them, so refusals are 403, not 404.
 */
class PermissionGate {
  constructor(
    private readonly authorizer: ShepherdAuthorizer,
    private readonly permission: BasicPermission,
    private readonly refusal: string,
  ) {}

  async require(actor: Actor) {
    if (
      !(await this.authorizer.isAllowed(actor.credentials, this.permission))
    ) {
      throw notAllowed(this.refusal);
    }
  }
}

const manageCatalogs = (authorizer: ShepherdAuthorizer) =>
  new PermissionGate(
    authorizer,
    shepherdCatalogManagePermission,
    'You may not manage the namespaces, templates and instance sizes',
  );

/** The namespace registry behind `shepherd.catalog.manage`, reads included. */
export class AuthorizedNamespacesService implements NamespacesService {
  readonly #gate: PermissionGate;

  constructor(
    private readonly inner: NamespacesService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#gate = manageCatalogs(authorizer);
  }

  async listNamespaces(
    actor: Actor,
    request: Parameters<NamespacesService['listNamespaces']>[1],
  ) {
    await this.#gate.require(actor);
    return this.inner.listNamespaces(actor, request);
  }

  async getNamespace(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.getNamespace(actor, id);
  }

  async createNamespace(actor: Actor, input: NamespaceInput) {
    await this.#gate.require(actor);
    return this.inner.createNamespace(actor, input);
  }

  async updateNamespace(actor: Actor, id: string, patch: NamespacePatch) {
    await this.#gate.require(actor);
    return this.inner.updateNamespace(actor, id, patch);
  }

  async deleteNamespace(
    actor: Actor,
    id: string,
    confirmName: string | undefined,
  ) {
    await this.#gate.require(actor);
    return this.inner.deleteNamespace(actor, id, confirmName);
  }
}

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

/** The templates behind `shepherd.catalog.manage`, reads included. */
export class AuthorizedTemplatesService implements TemplatesService {
  readonly #gate: PermissionGate;

  constructor(
    private readonly inner: TemplatesService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#gate = manageCatalogs(authorizer);
  }

  async listTemplates(
    actor: Actor,
    request: Parameters<TemplatesService['listTemplates']>[1],
  ) {
    await this.#gate.require(actor);
    return this.inner.listTemplates(actor, request);
  }

  async getTemplate(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.getTemplate(actor, id);
  }

  async createTemplate(actor: Actor, input: TemplateInput) {
    await this.#gate.require(actor);
    return this.inner.createTemplate(actor, input);
  }

  async updateTemplate(actor: Actor, id: string, patch: TemplatePatch) {
    await this.#gate.require(actor);
    return this.inner.updateTemplate(actor, id, patch);
  }

  async deleteTemplate(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.deleteTemplate(actor, id);
  }
}

/** The instance sizes behind `shepherd.catalog.manage`, reads included. */
export class AuthorizedInstanceSizesService implements InstanceSizesService {
  readonly #gate: PermissionGate;

  constructor(
    private readonly inner: InstanceSizesService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#gate = manageCatalogs(authorizer);
  }

  async listInstanceSizes(
    actor: Actor,
    request: Parameters<InstanceSizesService['listInstanceSizes']>[1],
  ) {
    await this.#gate.require(actor);
    return this.inner.listInstanceSizes(actor, request);
  }

  async getInstanceSize(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.getInstanceSize(actor, id);
  }

  async createInstanceSize(actor: Actor, input: InstanceSizeInput) {
    await this.#gate.require(actor);
    return this.inner.createInstanceSize(actor, input);
  }

  async updateInstanceSize(actor: Actor, id: string, patch: InstanceSizePatch) {
    await this.#gate.require(actor);
    return this.inner.updateInstanceSize(actor, id, patch);
  }

  async deleteInstanceSize(actor: Actor, id: string) {
    await this.#gate.require(actor);
    return this.inner.deleteInstanceSize(actor, id);
  }
}
