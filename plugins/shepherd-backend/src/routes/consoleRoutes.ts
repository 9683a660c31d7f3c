import { AuthorizedConsoleSessionsService } from '../service/console/AuthorizedConsoleSessionsService';
import { ActorResolver } from './ActorResolver';
import { ShepherdApiRouter } from './types';

/** Console sessions: the token the relay's websocket is opened with. */
export function registerConsoleRoutes(
  router: ShepherdApiRouter,
  deps: {
    actors: ActorResolver;
    consoleSessions: AuthorizedConsoleSessionsService;
  },
) {
  const { actors, consoleSessions } = deps;

  router.post('/v1/vms/:vmId/console/sessions', async (req, res) => {
    const actor = await actors.fromRequest(req);
    // The token is a credential: no cache may keep the answer.
    res.setHeader('Cache-Control', 'no-store');
    res.status(201).json(
      await consoleSessions.createSession(actor, req.params.vmId, {
        takeover: req.body?.takeover === true,
      }),
    );
  });
}
