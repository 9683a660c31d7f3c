import { expect } from '@playwright/test';
// The seeding of `npm start` is a script of the repository, not a package.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { personaToken } from '../../../../scripts/seed-demo';
import { E2E_BASE_URL } from './environment';
import { Persona } from './personas';

/** How long an entity that Shepherd published may take to reach the catalog. */
const CATALOG_ENTITY_TIMEOUT_MS = 60_000;

/**
 * Waits until the catalog holds the entity (`kind/namespace/name`) for the persona, as the
 * catalog API answers it: the entity provider publishes a change shortly after it commits,
 * and an entity page opened before that only says the entity is not found.
 */
export async function waitForCatalogEntity(
  persona: Persona,
  ref: { kind: string; namespace?: string; name: string },
): Promise<void> {
  const token = await personaToken(E2E_BASE_URL, persona);
  const url = `${E2E_BASE_URL}/api/catalog/entities/by-name/${ref.kind}/${
    ref.namespace ?? 'default'
  }/${ref.name}`;
  await expect
    .poll(
      async () =>
        (
          await fetch(url, { headers: { authorization: `Bearer ${token}` } })
        ).status,
      {
        message: `the catalog holds ${ref.kind}:${ref.namespace ?? 'default'}/${
          ref.name
        }`,
        timeout: CATALOG_ENTITY_TIMEOUT_MS,
      },
    )
    .toBe(200);
}
