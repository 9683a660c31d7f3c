import { CapabilitiesService } from '../service/capabilities/CapabilitiesService';
import { ActorResolver } from './ActorResolver';
import { parsePage } from './requestParsing';
import { ShepherdApiRouter } from './types';

/** What the caller may do: signed-in users ask about themselves; nobody asks about others. */
export function registerCapabilitiesRoutes(
  router: ShepherdApiRouter,
  deps: { actors: ActorResolver; capabilities: CapabilitiesService },
) {
  const { actors, capabilities } = deps;

  router.get('/v1/capabilities', async (req, res) => {
    const actor = await actors.fromRequest(req);
    res.json(await capabilities.capabilitiesOf(actor, parsePage(req.query)));
  });
}
