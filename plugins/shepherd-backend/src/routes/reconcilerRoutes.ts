import { AuthorizedReconcilerService } from '../service/reconciler/AuthorizedReconcilerService';
import { ActorResolver } from './ActorResolver';
import { parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/** The reconciler: its reports and marks, and runs on demand. */
export function registerReconcilerRoutes(
  router: ShepherdApiRouter,
  deps: { actors: ActorResolver; reconciler: AuthorizedReconcilerService },
) {
  const { actors, reconciler } = deps;

  router.get('/v1/admin/reconciler/reports', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await reconciler.listReports(actor, {
        ...parsePage(req.query),
        clusterId: req.query.clusterId,
        latestPerCluster: req.query.latest === 'true',
      }),
    );
  });

  router.get('/v1/admin/reconciler/reports/:reportId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await reconciler.getReport(actor, req.params.reportId));
  });

  router.post('/v1/admin/reconciler/runs', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await reconciler.run(actor, req.body));
  });

  router.get('/v1/admin/reconciler/marks', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await reconciler.listMarks(actor, {
        ...parsePage(req.query),
        clusterId: req.query.clusterId,
      }),
    );
  });
}
