import { ConfigReader } from '@backstage/config';
import { PolicyDecision } from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { ShepherdPermissionPolicy } from '@kubevirt-shepherd/plugin-permission-backend-module-shepherd-policy';
import { normalizeEntityRef } from '@kubevirt-shepherd/plugin-shepherd-common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/** The repository root, where the demo portal's configuration and catalog live. */
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** The demo personas and the groups they belong to (as in examples/org.yaml). */
export const PERSONA_GROUPS: Record<string, string[]> = {
  'platform-admin': ['group:default/platform-team'],
  approver: ['group:default/approvers'],
  'engineer-test': [
    'group:default/team-payments',
    'group:default/engineers-test',
  ],
  'engineer-prod': [
    'group:default/team-payments',
    'group:default/engineers-prod',
  ],
  viewer: ['group:default/auditors'],
  outsider: ['group:default/marketing'],
};

export const userRef = (persona: string) => `user:default/${persona}`;

/**
 * A persona's ownership entity refs: itself and its groups. The persona is found whatever the
 * case of its ref, as the catalog finds a user: `user:default/Approver` is the approver.
 */
export function ownershipOf(userEntityRef: string): string[] {
  const persona = normalizeEntityRef(userEntityRef).replace(
    /^user:default\//,
    '',
  );
  return [userEntityRef, ...(PERSONA_GROUPS[persona] ?? [])];
}

/** A file of the repository, parsed as YAML (every document of it). */
export function readRepoYaml(path: string): unknown[] {
  return YAML.parseAllDocuments(
    readFileSync(join(REPO_ROOT, path), 'utf8'),
  ).map(document => document.toJS());
}

/** The `permission` section of one of the demo portal's app-config files. */
export function demoPermissionConfig(file = 'app-config.yaml') {
  const [appConfig] = readRepoYaml(file) as Array<{ permission?: unknown }>;
  return new ConfigReader({ permission: appConfig.permission } as any);
}

/**
 * The Shepherd policy module's policy with the demo portal's role bindings
 * (`permission.shepherd` in app-config.yaml): platform admin (everything), approver
 * (tickets, approvals, reading), engineers (their Systems, in their environments), viewer
 * (reading) and everyone else (nothing of Shepherd's). Callers are the personas of
 * {@link PERSONA_GROUPS}.
 */
export const demoPolicy = ShepherdPermissionPolicy.fromConfig(
  demoPermissionConfig(),
  {
    userInfo: {
      getUserInfo: async credentials => {
        const ref = (credentials.principal as { userEntityRef: string })
          .userEntityRef;
        return { userEntityRef: ref, ownershipEntityRefs: ownershipOf(ref) };
      },
    },
  },
);

/** {@link demoPolicy} as the API harness's policy function. */
export function shepherdTestPolicy(
  request: PolicyQuery,
  user?: PolicyQueryUser,
): Promise<PolicyDecision> {
  return demoPolicy.handle(request, user);
}
