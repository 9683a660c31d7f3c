import { AuthorizedSystemsService } from '../service/systems/AuthorizedSystemsService';
import { ActorResolver } from './ActorResolver';
import { parseFlag, parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/** Systems, their members and their Services. */
export function registerSystemsRoutes(
  router: ShepherdApiRouter,
  deps: { actors: ActorResolver; systems: AuthorizedSystemsService },
) {
  const { actors, systems } = deps;

  router.get('/v1/systems', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(
      await systems.listSystems(reader, {
        ...parsePage(req.query),
        search: req.query.search,
        entityRef: req.query.entityRef,
      }),
    );
  });

  router.post('/v1/systems', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.status(201).json(await systems.createSystem(actor, req.body));
  });

  router.post('/v1/systems/register', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(201)
      .json(await systems.registerSystem(actor, req.body.entityRef));
  });

  router.get('/v1/systems/:systemId', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(await systems.getSystem(reader, req.params.systemId));
  });

  router.patch('/v1/systems/:systemId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await systems.updateSystem(actor, req.params.systemId, req.body));
  });

  router.delete('/v1/systems/:systemId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    await systems.deleteSystem(
      actor,
      req.params.systemId,
      req.query.confirm_name,
    );
    res.status(204).end();
  });

  router.get('/v1/systems/:systemId/members', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json({ items: await systems.listMembers(reader, req.params.systemId) });
  });

  router.post('/v1/systems/:systemId/members', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(201)
      .json(await systems.addMember(actor, req.params.systemId, req.body));
  });

  router.patch('/v1/systems/:systemId/members/:memberId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await systems.updateMember(
        actor,
        req.params.systemId,
        req.params.memberId,
        req.body,
      ),
    );
  });

  router.delete('/v1/systems/:systemId/members/:memberId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    await systems.removeMember(actor, req.params.systemId, req.params.memberId);
    res.status(204).end();
  });

  router.post('/v1/systems/:systemId/services', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(201)
      .json(await systems.createService(actor, req.params.systemId, req.body));
  });

  router.post('/v1/systems/:systemId/services/register', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(201)
      .json(
        await systems.registerService(
          actor,
          req.params.systemId,
          req.body.entityRef,
        ),
      );
  });

  router.get('/v1/services', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(
      await systems.listServices(reader, {
        ...parsePage(req.query),
        search: req.query.search,
        entityRef: req.query.entityRef,
        systemId: req.query.systemId,
      }),
    );
  });

  router.get('/v1/services/:serviceId', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(await systems.getService(reader, req.params.serviceId));
  });

  router.patch('/v1/services/:serviceId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await systems.updateService(actor, req.params.serviceId, req.body),
    );
  });

  router.delete('/v1/services/:serviceId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    await systems.deleteService(
      actor,
      req.params.serviceId,
      parseFlag(req.query.confirm),
    );
    res.status(204).end();
  });
}
