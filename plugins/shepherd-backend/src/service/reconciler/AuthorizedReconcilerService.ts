import {
  shepherdReconcileReadPermission,
  shepherdReconcileRunPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { PermissionGate } from '../../permissions/PermissionGate';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { ReconcilerService } from './ReconcilerService';

/** The reconciler: `shepherd.reconcile.read` to look, `shepherd.reconcile.run` to run it. */
export class AuthorizedReconcilerService implements ReconcilerService {
  readonly #read: PermissionGate;
  readonly #run: PermissionGate;

  constructor(
    private readonly inner: ReconcilerService,
    authorizer: ShepherdAuthorizer,
  ) {
    this.#read = new PermissionGate(
      authorizer,
      shepherdReconcileReadPermission,
      "You may not read the reconciler's reports",
    );
    this.#run = new PermissionGate(
      authorizer,
      shepherdReconcileRunPermission,
      'You may not run the reconciler',
    );
  }

  async listReports(
    actor: Actor,
    request: Parameters<ReconcilerService['listReports']>[1],
  ) {
    await this.#read.require(actor);
    return this.inner.listReports(actor, request);
  }

  async getReport(actor: Actor, id: string) {
    await this.#read.require(actor);
    return this.inner.getReport(actor, id);
  }

  async listMarks(
    actor: Actor,
    request: Parameters<ReconcilerService['listMarks']>[1],
  ) {
    await this.#read.require(actor);
    return this.inner.listMarks(actor, request);
  }

  async run(actor: Actor, request: Parameters<ReconcilerService['run']>[1]) {
    await this.#run.require(actor);
    return this.inner.run(actor, request);
  }
}
