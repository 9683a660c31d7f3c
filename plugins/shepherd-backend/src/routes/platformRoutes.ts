import { PlatformServices } from '../service/platform/PlatformServices';
import { ActorResolver } from './ActorResolver';
import { parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/** An optional `true`/`false` query filter: absent means no filter. */
function parseOptionalFlag(value: 'true' | 'false' | undefined) {
  return value === undefined ? undefined : value === 'true';
}

/** The admin catalogs (namespaces, clusters, templates, instance sizes) and the request catalog. */
export function registerPlatformRoutes(
  router: ShepherdApiRouter,
  deps: { actors: ActorResolver; platform: PlatformServices },
) {
  const { actors } = deps;
  const { namespaces, clusters, templates, instanceSizes, requesterCatalog } =
    deps.platform;

  router.get('/v1/admin/namespaces', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await namespaces.listNamespaces(actor, {
        ...parsePage(req.query),
        environment: req.query.environment,
        enabled: parseOptionalFlag(req.query.enabled),
      }),
    );
  });

  router.post('/v1/admin/namespaces', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.status(201).json(await namespaces.createNamespace(actor, req.body));
  });

  router.get('/v1/admin/namespaces/:namespaceId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await namespaces.getNamespace(actor, req.params.namespaceId));
  });

  router.patch('/v1/admin/namespaces/:namespaceId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await namespaces.updateNamespace(actor, req.params.namespaceId, req.body),
    );
  });

  router.delete('/v1/admin/namespaces/:namespaceId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    await namespaces.deleteNamespace(
      actor,
      req.params.namespaceId,
      req.query.confirm_name,
    );
    res.status(204).end();
  });

  router.get('/v1/admin/clusters', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await clusters.listClusters(actor, {
        ...parsePage(req.query),
        environment: req.query.environment,
        enabled: parseOptionalFlag(req.query.enabled),
      }),
    );
  });

  router.post('/v1/admin/clusters', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.status(201).json(await clusters.registerCluster(actor, req.body));
  });

  router.get('/v1/admin/clusters/:clusterId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await clusters.getCluster(actor, req.params.clusterId));
  });

  router.patch('/v1/admin/clusters/:clusterId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await clusters.updateCluster(actor, req.params.clusterId, req.body),
    );
  });

  router.put('/v1/admin/clusters/:clusterId/credentials', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await clusters.rotateClusterCredentials(
        actor,
        req.params.clusterId,
        req.body.kubeconfig,
      ),
    );
  });

  router.delete('/v1/admin/clusters/:clusterId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    await clusters.deleteCluster(actor, req.params.clusterId);
    res.status(204).end();
  });

  router.get('/v1/admin/templates', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await templates.listTemplates(actor, {
        ...parsePage(req.query),
        status: req.query.status,
        catalogScope: req.query.catalogScope,
      }),
    );
  });

  router.post('/v1/admin/templates', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.status(201).json(await templates.createTemplate(actor, req.body));
  });

  router.get('/v1/admin/templates/:templateId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await templates.getTemplate(actor, req.params.templateId));
  });

  router.patch('/v1/admin/templates/:templateId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await templates.updateTemplate(actor, req.params.templateId, req.body),
    );
  });

  router.delete('/v1/admin/templates/:templateId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    await templates.deleteTemplate(actor, req.params.templateId);
    res.status(204).end();
  });

  router.get('/v1/admin/instance-sizes', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await instanceSizes.listInstanceSizes(actor, {
        ...parsePage(req.query),
        enabled: parseOptionalFlag(req.query.enabled),
        catalogScope: req.query.catalogScope,
      }),
    );
  });

  router.post('/v1/admin/instance-sizes', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(201)
      .json(await instanceSizes.createInstanceSize(actor, req.body));
  });

  router.get('/v1/admin/instance-sizes/:instanceSizeId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await instanceSizes.getInstanceSize(actor, req.params.instanceSizeId),
    );
  });

  router.patch('/v1/admin/instance-sizes/:instanceSizeId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await instanceSizes.updateInstanceSize(
        actor,
        req.params.instanceSizeId,
        req.body,
      ),
    );
  });

  router.delete(
    '/v1/admin/instance-sizes/:instanceSizeId',
    async (req, res) => {
      const actor = await actors.fromRequest(req);
      await instanceSizes.deleteInstanceSize(actor, req.params.instanceSizeId);
      res.status(204).end();
    },
  );

  router.get('/v1/catalog/namespaces', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await requesterCatalog.listNamespaces(actor, parsePage(req.query)),
    );
  });

  router.get('/v1/catalog/templates', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await requesterCatalog.listTemplates(actor, {
        ...parsePage(req.query),
        namespace: req.query.namespace,
      }),
    );
  });

  router.get('/v1/catalog/instance-sizes', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await requesterCatalog.listInstanceSizes(actor, {
        ...parsePage(req.query),
        namespace: req.query.namespace,
      }),
    );
  });
}
