import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import express from 'express';
import { routerOptionsForTests } from '../__testUtils__/routerOptions';
import { spec } from './openapi';
import { createRouter } from '../routes/createRouter';

describe('OpenAPI spec', () => {
  it('matches openapi.yaml (run `yarn generate:openapi` after editing it)', () => {
    const source = YAML.parse(
      readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'),
    );
    expect(spec).toEqual(source);
  });

  it('documents exactly the routes the router serves', async () => {
    const router = await createRouter(routerOptionsForTests());
    // createValidatedOpenApiRouter serves the spec itself at /openapi.json.
    const served = routesOf(router).filter(
      route => route !== 'GET /openapi.json',
    );
    const documented = Object.entries(spec.paths).flatMap(([path, item]) =>
      Object.keys(item).map(
        method =>
          `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    expect(served.sort()).toEqual(documented.sort());
  });
});

/** The "METHOD /path" pairs registered on an Express router. */
function routesOf(router: express.Router): string[] {
  return router.stack.flatMap(layer => {
    const route = layer.route as
      | { path: string; methods: Record<string, boolean> }
      | undefined;
    if (!route) {
      return [];
    }
    return Object.keys(route.methods).map(
      method => `${method.toUpperCase()} ${route.path}`,
    );
  });
}
