import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** How a person is named to other people: never as a bare entity ref. */
export interface PersonNames {
  nameOf(entityRef: string): Promise<string>;
}

/** The name part of an entity ref (`user:default/jane.doe` → `jane.doe`). */
export function nameInRef(entityRef: string): string {
  try {
    return parseEntityRef(entityRef).name;
  } catch {
    return entityRef;
  }
}

/** Names people by their entity ref's name alone, when no catalog is at hand. */
export const REF_PERSON_NAMES: PersonNames = {
  nameOf: async entityRef => nameInRef(entityRef),
};

/**
 * Names people as the catalog shows them: the User's profile display name, else its title,
 * else the name in its ref. Read with Shepherd's own credentials (the text goes to people who
 * saw the request anyway); a catalog that cannot answer costs the name, never the message.
 */
export class CatalogPersonNames implements PersonNames {
  constructor(
    private readonly catalog: Pick<CatalogService, 'getEntityByRef'>,
    private readonly auth: Pick<AuthService, 'getOwnServiceCredentials'>,
    private readonly logger: LoggerService,
  ) {}

  async nameOf(entityRef: string): Promise<string> {
    try {
      const entity = await this.catalog.getEntityByRef(entityRef, {
        credentials: await this.auth.getOwnServiceCredentials(),
      });
      const profile = (entity?.spec as { profile?: { displayName?: unknown } })
        ?.profile;
      const displayName = profile?.displayName ?? entity?.metadata.title;
      if (typeof displayName === 'string' && displayName.trim() !== '') {
        return displayName.trim();
      }
    } catch (error) {
      this.logger.debug(
        `Could not read ${entityRef} from the catalog: ${error}`,
      );
    }
    return nameInRef(entityRef);
  }
}
