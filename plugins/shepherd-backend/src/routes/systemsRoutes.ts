import { AuthorizedMembersService } from '../service/systems/AuthorizedMembersService';
import { AuthorizedServicesService } from '../service/systems/AuthorizedServicesService';
import { AuthorizedSystemsService } from '../service/systems/AuthorizedSystemsService';
import { ActorResolver } from './ActorResolver';
import { parseFlag, parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/** Systems, their members and their Services. */
export function registerSystemsRoutes(
  router: ShepherdApiRouter,
  deps: {
    actors: ActorResolver;
    systems: AuthorizedSystemsService;
    members: AuthorizedMembersService;
    services: AuthorizedServicesService;
  },
) {
  const { actors, systems, members, services } = deps;

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
    res.json({ items: await members.listMembers(reader, req.params.systemId) });
  });

  router.post('/v1/systems/:systemId/members', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(201)
      .json(await members.addMember(actor, req.params.systemId, req.body));
  });

  router.patch('/v1/systems/:systemId/members/:memberId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await members.updateMember(
        actor,
        req.params.systemId,
        req.params.memberId,
        req.body,
      ),
    );
  });

  router.delete('/v1/systems/:systemId/members/:memberId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    await members.removeMember(actor, req.params.systemId, req.params.memberId);
    res.status(204).end();
  });

  router.post('/v1/systems/:systemId/services', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(201)
      .json(await services.createService(actor, req.params.systemId, req.body));
  });

  router.post('/v1/systems/:systemId/services/register', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res
      .status(201)
      .json(
        await services.registerService(
          actor,
          req.params.systemId,
          req.body.entityRef,
        ),
      );
  });

  router.get('/v1/services', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(
      await services.listServices(reader, {
        ...parsePage(req.query),
        search: req.query.search,
        entityRef: req.query.entityRef,
        systemId: req.query.systemId,
      }),
    );
  });

  router.get('/v1/services/:serviceId', async (req, res) => {
    const reader = await actors.readerFromRequest(req);
    res.json(await services.getService(reader, req.params.serviceId));
  });

  router.patch('/v1/services/:serviceId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(
      await services.updateService(actor, req.params.serviceId, req.body),
    );
  });

  router.delete('/v1/services/:serviceId', async (req, res) => {
    const actor = await actors.fromRequest(req);
    await services.deleteService(
      actor,
      req.params.serviceId,
      parseFlag(req.query.confirm),
    );
    res.status(204).end();
  });
}
