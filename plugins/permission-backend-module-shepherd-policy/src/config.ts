import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  ENVIRONMENTS,
  Environment,
  normalizeEntityRef,
} from '@kubevirt-shepherd/plugin-shepherd-common';

/** Where the module reads its configuration. */
export const POLICY_CONFIG_KEY = 'permission.shepherd';

/**
 * Engineers of some groups or users, and the environments they work in.
 *
 * @public
 */
export interface ShepherdEngineerBinding {
  /** User and Group entity refs, in their full form (`group:default/engineers-test`). */
  refs: string[];
  /** Environments whose VMs and namespaces these engineers may work with. */
  environments: Environment[];
}

/**
 * Who holds which of Shepherd's roles: catalog User and Group entity refs, matched against
 * the caller's ownership entity refs (the user and the groups it belongs to).
 *
 * @public
 */
export interface ShepherdRoleBindings {
  /** Everything of Shepherd's. */
  platformAdmins: string[];
  /** The approval workbench, tickets, and reading Systems, Services, VMs and clusters. */
  approvers: string[];
  /** Their Systems, Services, VMs and requests, in the given environments. */
  engineers: ShepherdEngineerBinding[];
  /** Reading Systems, Services, VMs, tickets, the request catalog and the audit log. */
  viewers: string[];
}

/**
 * The configuration of the Shepherd permission policy.
 *
 * @public
 */
export interface ShepherdPolicyConfig {
  roles: ShepherdRoleBindings;
  /** The decision on permissions of other plugins (the catalog, the scaffolder …). */
  defaultDecision: 'allow' | 'deny';
}

const ROLE_KEYS = [
  'platformAdmins',
  'approvers',
  'engineers',
  'viewers',
] as const;
const ENGINEER_KEYS = ['refs', 'environments'];
const TOP_LEVEL_KEYS = ['roles', 'defaultDecision'];
const MEMBER_KINDS = ['user', 'group'];

function checkKeys(config: Config, path: string, known: readonly string[]) {
  for (const key of config.keys()) {
    if (!known.includes(key)) {
      throw new Error(
        `Unknown key '${key}' in ${path}; expected ${known
          .map(k => `'${k}'`)
          .join(', ')}`,
      );
    }
  }
}

/** A User or Group entity ref in its full, lower-case form. */
function normalizeRef(ref: string, path: string): string {
  let parsed;
  try {
    parsed = parseEntityRef(ref, { defaultNamespace: 'default' });
  } catch {
    throw new Error(
      `${path}: '${ref}' is not an entity ref; write it as group:default/<name> or user:default/<name>`,
    );
  }
  if (!MEMBER_KINDS.includes(parsed.kind.toLocaleLowerCase('en-US'))) {
    throw new Error(
      `${path}: '${ref}' is a ${parsed.kind}, but roles are given to Users and Groups`,
    );
  }
  return normalizeEntityRef(stringifyEntityRef(parsed));
}

function readRefs(config: Config, key: string, path: string): string[] {
  const refs = config.getOptionalStringArray(key) ?? [];
  return refs.map((ref, i) => normalizeRef(ref, `${path}.${key}[${i}]`));
}

function readEngineers(
  config: Config,
  path: string,
): ShepherdEngineerBinding[] {
  return (config.getOptionalConfigArray('engineers') ?? []).map((entry, i) => {
    const entryPath = `${path}.engineers[${i}]`;
    checkKeys(entry, entryPath, ENGINEER_KEYS);
    const refs = readRefs(entry, 'refs', entryPath);
    if (refs.length === 0) {
      throw new Error(
        `${entryPath}.refs must list at least one User or Group entity ref`,
      );
    }
    if (!entry.has('environments')) {
      throw new Error(
        `${entryPath}.environments is missing; list the environments these engineers work in (${ENVIRONMENTS.join(
          ', ',
        )})`,
      );
    }
    const environments = entry.getStringArray('environments');
    if (environments.length === 0) {
      throw new Error(
        `${entryPath}.environments must list at least one of ${ENVIRONMENTS.join(
          ', ',
        )}`,
      );
    }
    for (const environment of environments) {
      if (!(ENVIRONMENTS as readonly string[]).includes(environment)) {
        throw new Error(
          `${entryPath}.environments: '${environment}' is not an environment; use ${ENVIRONMENTS.join(
            ', ',
          )}`,
        );
      }
    }
    return {
      refs,
      environments: [...new Set(environments)] as Environment[],
    };
  });
}

/**
 * Reads and checks `permission.shepherd`. Mistakes (unknown keys, refs that are not Users or
 * Groups, unknown environments) throw an error naming the key, so the backend does not start
 * with a policy that silently grants less, or more, than intended.
 *
 * @public
 */
export function readShepherdPolicyConfig(
  rootConfig: Config,
): ShepherdPolicyConfig {
  const config = rootConfig.getOptionalConfig(POLICY_CONFIG_KEY);
  const empty: ShepherdRoleBindings = {
    platformAdmins: [],
    approvers: [],
    engineers: [],
    viewers: [],
  };
  if (!config) {
    return { roles: empty, defaultDecision: 'allow' };
  }
  checkKeys(config, POLICY_CONFIG_KEY, TOP_LEVEL_KEYS);

  const defaultDecision =
    config.getOptionalString('defaultDecision') ?? 'allow';
  if (defaultDecision !== 'allow' && defaultDecision !== 'deny') {
    throw new Error(
      `${POLICY_CONFIG_KEY}.defaultDecision must be 'allow' or 'deny', got '${defaultDecision}'`,
    );
  }

  const rolesConfig = config.getOptionalConfig('roles');
  if (!rolesConfig) {
    return { roles: empty, defaultDecision };
  }
  const path = `${POLICY_CONFIG_KEY}.roles`;
  checkKeys(rolesConfig, path, ROLE_KEYS);
  return {
    roles: {
      platformAdmins: readRefs(rolesConfig, 'platformAdmins', path),
      approvers: readRefs(rolesConfig, 'approvers', path),
      engineers: readEngineers(rolesConfig, path),
      viewers: readRefs(rolesConfig, 'viewers', path),
    },
    defaultDecision,
  };
}
