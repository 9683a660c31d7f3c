import {
  ENVIRONMENTS,
  ShepherdCapabilities,
  shepherdTicketApprovePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdAuthorizer } from '../../permissions/ShepherdAuthorizer';
import { Actor } from '../Actor';
import { PageRequest } from '../PageRequest';
import { AuthorizedSystemsService } from '../systems/AuthorizedSystemsService';
import { AuthorizedVmsService } from '../vms/AuthorizedVmsService';

/**
 * What the signed-in user may do, so that the portal offers only that. It answers from the
 * same decisions the actions are checked with when they are taken: deciding requests
 * (`shepherd.ticket.approve`, allowed on some tickets at least) and requesting VMs (the
 * check of a VM request, on the VM to be of each readable System in each environment).
 */
export class CapabilitiesService {
  constructor(
    private readonly authorizer: ShepherdAuthorizer,
    private readonly systems: AuthorizedSystemsService,
    private readonly vms: AuthorizedVmsService,
  ) {}

  /** The actor's capabilities, with one page of the Systems it may read. */
  async capabilitiesOf(
    actor: Actor,
    page: PageRequest,
  ): Promise<ShepherdCapabilities> {
    const [decideRequests, systems] = await Promise.all([
      this.authorizer.isAllowedOnSome(
        actor.credentials,
        shepherdTicketApprovePermission,
      ),
      this.systems.listSystems(actor, page),
    ]);
    // One place per System and environment, System by System: one decision answers them all.
    const places = systems.items.flatMap(system =>
      ENVIRONMENTS.map(environment => ({ systemId: system.id, environment })),
    );
    const allowed = places.length
      ? await this.vms.mayRequestVms(actor, places)
      : [];
    return {
      decideRequests,
      requestVms: systems.items.map((system, i) => ({
        systemId: system.id,
        environments: ENVIRONMENTS.filter(
          (_environment, j) => allowed[i * ENVIRONMENTS.length + j],
        ),
      })),
      totalItems: systems.totalItems,
      offset: systems.offset,
      limit: systems.limit,
    };
  }
}
