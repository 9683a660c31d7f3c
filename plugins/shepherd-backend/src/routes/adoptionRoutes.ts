import { AuthorizedAdoptionService } from '../service/adoption/AuthorizedAdoptionService';
import { ActorResolver } from './ActorResolver';
import { parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/** Adoption of VMs found on registered clusters: the pending list, scans, decisions. */
export function registerAdoptionRoutes(
  router: ShepherdApiRouter,
  deps: { actors: ActorResolver; adoption: AuthorizedAdoptionService },
) {
  const { actors, adoption } = deps;

  router.get('/v1/admin/pending-adoptions', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await adoption.listPendingAdoptions(actor, {
        ...parsePage(req.query),
        status: req.query.status,
        clusterId: req.query.clusterId,
        namespace: req.query.namespace,
        search: req.query.search,
      }),
    );
  });

  router.post('/v1/admin/pending-adoptions/discover', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await adoption.discover(actor, { clusterId: req.body?.clusterId }),
    );
  });

  router.post(
    '/v1/admin/pending-adoptions/:adoptionId/adopt',
    async (req, res) => {
      const actor = await actors.fromRequest(req);
      res.json(await adoption.adopt(actor, req.params.adoptionId, req.body));
    },
  );

  router.post(
    '/v1/admin/pending-adoptions/:adoptionId/reject',
    async (req, res) => {
      const actor = await actors.fromRequest(req);
      res.json(await adoption.reject(actor, req.params.adoptionId, req.body));
    },
  );
}
