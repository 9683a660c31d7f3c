import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  ConditionalPolicyDecision,
  Permission,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
  createPermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  MemberRole,
  shepherdPermissions,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  SHEPHERD_RULE_NAMES,
  ShepherdMemberBinding,
  shepherdPermissionRules,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { ShepherdPolicyConfig } from './config';
import { SHEPHERD_PERMISSION_GRANTS } from './grants';
import { ShepherdPermissionPolicy } from './ShepherdPermissionPolicy';

const CONFIG: ShepherdPolicyConfig = {
  roles: {
    platformAdmins: ['group:default/platform-team'],
    approvers: ['group:default/approvers'],
    engineers: [
      { refs: ['group:default/engineers-test'], environments: ['test'] },
      {
        refs: ['group:default/engineers-prod', 'user:default/solo'],
        environments: ['test', 'prod'],
      },
    ],
    viewers: ['group:default/auditors'],
  },
  defaultDecision: 'allow',
};

/** Users and the groups they belong to. */
const GROUPS: Record<string, string[]> = {
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
  'approving-engineer': [
    'group:default/approvers',
    'group:default/engineers-test',
  ],
  'twice-engineer': [
    'group:default/engineers-test',
    'group:default/engineers-prod',
  ],
  'viewing-engineer': [
    'group:default/auditors',
    'group:default/engineers-test',
  ],
  'admin-viewer': ['group:default/platform-team', 'group:default/auditors'],
  solo: [],
};

const userRef = (name: string) => `user:default/${name}`;

const userInfo = {
  getUserInfo: jest.fn(async (credentials: any) => {
    const ref: string = credentials.principal.userEntityRef;
    const name = ref.replace('user:default/', '');
    return { userEntityRef: ref, ownershipEntityRefs: [ref, ...GROUPS[name]] };
  }),
};

function policyWith(config: ShepherdPolicyConfig = CONFIG) {
  return new ShepherdPermissionPolicy({ config, userInfo });
}

function userOf(name: string): PolicyQueryUser {
  const credentials = mockCredentials.user(userRef(name));
  return {
    credentials,
    info: { userEntityRef: userRef(name), ownershipEntityRefs: [] },
  };
}

async function decide(
  name: string | undefined,
  permission: Permission,
  policy = policyWith(),
): Promise<PolicyDecision> {
  return policy.handle(
    { permission },
    name === undefined ? undefined : userOf(name),
  );
}

const byName = (name: string) => {
  const permission = shepherdPermissions.find(p => p.name === name);
  if (!permission) throw new Error(`No permission ${name}`);
  return permission;
};

/** The result of a persona's decision on a Shepherd permission, by name. */
async function resultOf(persona: string, name: string) {
  return (await decide(persona, byName(name))).result;
}

/** The conditions of a persona's conditional decision on a Shepherd permission, by name. */
async function conditionsOf(persona: string, name: string) {
  return ((await decide(persona, byName(name))) as ConditionalPolicyDecision)
    .conditions;
}

/* The conditions the policy writes, each with a rule of shepherd-node. */
const isMember = (
  resourceType: string,
  params: { claims: string[]; roles?: MemberRole[] },
) => ({ rule: SHEPHERD_RULE_NAMES.isSystemMember, resourceType, params });
const inEnvironments = (resourceType: string, environments: string[]) => ({
  rule: SHEPHERD_RULE_NAMES.isInEnvironment,
  resourceType,
  params: { environments },
});
const requestedBy = (resourceType: string, claims: string[]) => ({
  rule: SHEPHERD_RULE_NAMES.isRequester,
  resourceType,
  params: { claims },
});

type Expected = 'ALLOW' | 'DENY' | 'CONDITIONAL';
const A: Expected = 'ALLOW';
const D: Expected = 'DENY';
const C: Expected = 'CONDITIONAL';

/**
 * The product's roles, written out independently of the grant table: platform admin,
 * approver, engineer (either environment), viewer. Users without a role are denied all.
 */
const MATRIX: Record<string, [Expected, Expected, Expected, Expected]> = {
  //                                 admin approver engineer viewer
  'shepherd.system.create': [A, D, A, D],
  'shepherd.system.read': [A, A, C, A],
  'shepherd.system.update': [A, D, C, D],
  'shepherd.system.delete': [A, D, C, D],
  'shepherd.system.members.manage': [A, D, C, D],
  'shepherd.service.create': [A, D, C, D],
  'shepherd.service.read': [A, A, C, A],
  'shepherd.service.update': [A, D, C, D],
  'shepherd.service.delete': [A, D, C, D],
  'shepherd.vm.create': [A, D, C, D],
  'shepherd.vm.read': [A, A, C, A],
  'shepherd.vm.power': [A, D, C, D],
  'shepherd.vm.modify': [A, D, C, D],
  'shepherd.vm.delete': [A, D, C, D],
  'shepherd.vm.console': [A, D, C, D],
  'shepherd.vm.console.takeover': [A, D, C, D],
  'shepherd.ticket.read': [A, A, C, A],
  'shepherd.ticket.approve': [A, A, D, D],
  'shepherd.ticket.cancel': [A, D, C, D],
  'shepherd.audit.read': [A, D, D, A],
  'shepherd.namespace.read': [A, A, C, A],
  'shepherd.catalog.read': [A, A, A, A],
  'shepherd.cluster.read': [A, A, D, D],
  'shepherd.cluster.manage': [A, D, D, D],
  'shepherd.catalog.manage': [A, D, D, D],
  'shepherd.reconcile.read': [A, D, D, D],
  'shepherd.reconcile.run': [A, D, D, D],
  'shepherd.vm.adopt': [A, D, D, D],
};

const CATALOG_READ = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const CATALOG_CREATE = createPermission({
  name: 'catalog.entity.create',
  attributes: { action: 'create' },
});
const SCAFFOLDER_RUN = createPermission({
  name: 'scaffolder.action.execute',
  attributes: {},
});

/** Evaluates conditions with the rules' apply, as the backend does for one resource. */
function evaluate(
  criteria: PermissionCriteria<PermissionCondition>,
  resourceType: string,
  resource: unknown,
): boolean {
  if ('allOf' in criteria) {
    return criteria.allOf.every(c => evaluate(c, resourceType, resource));
  }
  if ('anyOf' in criteria) {
    return criteria.anyOf.some(c => evaluate(c, resourceType, resource));
  }
  if ('not' in criteria) {
    return !evaluate(criteria.not, resourceType, resource);
  }
  expect(criteria.resourceType).toBe(resourceType);
  const key = resourceType.replace('shepherd-', '') as
    | 'system'
    | 'service'
    | 'vm'
    | 'ticket'
    | 'namespace';
  const rule = Object.values(
    shepherdPermissionRules[key] as Record<
      string,
      {
        name: string;
        apply: (r: unknown, p: any) => boolean;
        paramsSchema?: any;
      }
    >,
  ).find(r => r.name === criteria.rule);
  if (!rule) {
    throw new Error(`No rule ${criteria.rule} for ${resourceType}`);
  }
  // The parameters are what the rule's schema accepts.
  const checked = rule.paramsSchema['~standard'].validate(criteria.params);
  expect(checked.issues).toBeUndefined();
  return rule.apply(resource, criteria.params);
}

function members(
  ...bindings: Array<[string, MemberRole]>
): ShepherdMemberBinding[] {
  return bindings.map(([memberRef, role]) => ({ memberRef, role }));
}

describe('ShepherdPermissionPolicy', () => {
  beforeEach(() => userInfo.getUserInfo.mockClear());

  it('has a grant for every Shepherd permission, and for nothing else', () => {
    expect(Object.keys(SHEPHERD_PERMISSION_GRANTS).sort()).toEqual(
      shepherdPermissions.map(p => p.name).sort(),
    );
    expect(Object.keys(MATRIX).sort()).toEqual(
      shepherdPermissions.map(p => p.name).sort(),
    );
  });

  describe.each([
    ['platform-admin', 0],
    ['approver', 1],
    ['engineer-test', 2],
    ['engineer-prod', 2],
    ['viewer', 3],
  ] as const)('for %s', (persona, column) => {
    it.each(Object.keys(MATRIX))('decides %s', async name => {
      const decision = await decide(persona, byName(name));
      expect(decision.result).toBe(AuthorizeResult[MATRIX[name][column]]);
    });
  });

  it.each(shepherdPermissions.map(p => [p.name, p]))(
    'denies %s to users without a role and to callers without a user',
    async (_name, permission) => {
      expect((await decide('outsider', permission)).result).toBe(
        AuthorizeResult.DENY,
      );
      expect((await decide(undefined, permission)).result).toBe(
        AuthorizeResult.DENY,
      );
    },
  );

  it('reads the caller through the user info service, from its credentials', async () => {
    const user = userOf('approver');
    await policyWith().handle({ permission: byName('shepherd.vm.read') }, user);
    expect(userInfo.getUserInfo).toHaveBeenCalledWith(user.credentials);
  });

  describe('conditional decisions', () => {
    const ENGINEER_TEST_CLAIMS = [
      userRef('engineer-test'),
      'group:default/team-payments',
      'group:default/engineers-test',
    ];

    it('are made for the permission resource type with the rules of shepherd-node', async () => {
      for (const persona of ['engineer-test', 'engineer-prod']) {
        for (const permission of shepherdPermissions) {
          const decision = await decide(persona, permission);
          if (decision.result !== AuthorizeResult.CONDITIONAL) continue;
          expect(isResourcePermission(permission)).toBe(true);
          expect(decision).toMatchObject({
            pluginId: 'shepherd',
            resourceType: isResourcePermission(permission)
              ? permission.resourceType
              : 'none',
          });
          // Every leaf names a rule of the type, with parameters its schema accepts.
          evaluate(decision.conditions, decision.resourceType, {
            members: [],
            environment: 'test',
            createdBy: '',
            requester: '',
            status: 'PENDING',
          });
        }
      }
    });

    it('reads Systems by membership with any role', async () => {
      expect(
        await decide('engineer-test', byName('shepherd.system.read')),
      ).toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'shepherd',
        resourceType: 'shepherd-system',
        conditions: isMember('shepherd-system', {
          claims: ENGINEER_TEST_CLAIMS,
        }),
      });
    });

    it('changes Systems and manages members as owner or admin', async () => {
      for (const name of [
        'shepherd.system.update',
        'shepherd.system.delete',
        'shepherd.system.members.manage',
      ]) {
        expect(await conditionsOf('engineer-test', name)).toEqual(
          isMember('shepherd-system', {
            claims: ENGINEER_TEST_CLAIMS,
            roles: ['owner', 'admin'],
          }),
        );
      }
    });

    it('creates Services in Systems where the engineer is a member or above', async () => {
      expect(
        await conditionsOf('engineer-test', 'shepherd.service.create'),
      ).toEqual(
        isMember('shepherd-system', {
          claims: ENGINEER_TEST_CLAIMS,
          roles: ['owner', 'admin', 'member'],
        }),
      );
    });

    it('operates VMs as member or above, in the engineer environments only', async () => {
      const conditions = await conditionsOf(
        'engineer-test',
        'shepherd.vm.power',
      );
      expect(conditions).toEqual({
        allOf: [
          isMember('shepherd-vm', {
            claims: ENGINEER_TEST_CLAIMS,
            roles: ['owner', 'admin', 'member'],
          }),
          inEnvironments('shepherd-vm', ['test']),
        ],
      });
      const vm = (environment: string, bindings: ShepherdMemberBinding[]) => ({
        systemId: 's',
        serviceId: 'v',
        environment,
        createdBy: 'user:default/someone',
        members: bindings,
      });
      const team = members(['group:default/team-payments', 'member']);
      const onlyViewer = members(['group:default/team-payments', 'viewer']);
      expect(evaluate(conditions, 'shepherd-vm', vm('test', team))).toBe(true);
      expect(evaluate(conditions, 'shepherd-vm', vm('prod', team))).toBe(false);
      expect(evaluate(conditions, 'shepherd-vm', vm('test', onlyViewer))).toBe(
        false,
      );

      const prod = await conditionsOf('engineer-prod', 'shepherd.vm.delete');
      expect(evaluate(prod, 'shepherd-vm', vm('prod', team))).toBe(true);
    });

    it('takes over consoles as owner or admin only', async () => {
      expect(
        await conditionsOf('engineer-prod', 'shepherd.vm.console.takeover'),
      ).toMatchObject({
        allOf: [
          { params: { roles: ['owner', 'admin'] } },
          { params: { environments: ['test', 'prod'] } },
        ],
      });
    });

    it('reads VMs of its Systems with any member role, in its environments only', async () => {
      const conditions = await conditionsOf(
        'engineer-test',
        'shepherd.vm.read',
      );
      expect(conditions).toEqual({
        allOf: [
          isMember('shepherd-vm', { claims: ENGINEER_TEST_CLAIMS }),
          inEnvironments('shepherd-vm', ['test']),
        ],
      });
      const vm = (environment: string) => ({
        systemId: 's',
        serviceId: 'v',
        environment,
        createdBy: userRef('engineer-test'),
        members: members(['group:default/team-payments', 'viewer']),
      });
      expect(evaluate(conditions, 'shepherd-vm', vm('test'))).toBe(true);
      // A production VM is invisible to a test-only engineer, even one it requested.
      expect(evaluate(conditions, 'shepherd-vm', vm('prod'))).toBe(false);
    });

    it('reads tickets it requested, and those of its Systems in its environments; cancels only its own', async () => {
      const read = await conditionsOf('engineer-test', 'shepherd.ticket.read');
      expect(read).toEqual({
        anyOf: [
          requestedBy('shepherd-ticket', ENGINEER_TEST_CLAIMS),
          {
            allOf: [
              isMember('shepherd-ticket', { claims: ENGINEER_TEST_CLAIMS }),
              inEnvironments('shepherd-ticket', ['test']),
            ],
          },
        ],
      });
      const ticket = (
        environment: string,
        requester: string,
        bindings: ShepherdMemberBinding[],
      ) => ({
        id: 't',
        systemId: 's',
        environment,
        requester,
        status: 'PENDING',
        operation: 'CREATE',
        members: bindings,
      });
      const team = members(['group:default/team-payments', 'member']);
      const someone = 'user:default/someone';
      const readable = (t: ReturnType<typeof ticket>) =>
        evaluate(read, 'shepherd-ticket', t);
      expect(readable(ticket('test', someone, team))).toBe(true);
      expect(readable(ticket('prod', someone, team))).toBe(false);
      expect(readable(ticket('prod', userRef('engineer-test'), []))).toBe(true);
      expect(readable(ticket('test', someone, []))).toBe(false);
      expect(
        await conditionsOf('engineer-test', 'shepherd.ticket.cancel'),
      ).toEqual(requestedBy('shepherd-ticket', ENGINEER_TEST_CLAIMS));
    });

    it('sees the namespaces of its environments', async () => {
      expect(
        await conditionsOf('engineer-test', 'shepherd.namespace.read'),
      ).toEqual(inEnvironments('shepherd-namespace', ['test']));
      expect(
        await conditionsOf('engineer-prod', 'shepherd.namespace.read'),
      ).toEqual(inEnvironments('shepherd-namespace', ['test', 'prod']));
    });
  });

  describe('several roles', () => {
    it('give the union: an approving engineer approves and works in test', async () => {
      expect(
        await resultOf('approving-engineer', 'shepherd.ticket.approve'),
      ).toBe(AuthorizeResult.ALLOW);
      expect(await resultOf('approving-engineer', 'shepherd.vm.read')).toBe(
        AuthorizeResult.ALLOW,
      );
      expect(await resultOf('approving-engineer', 'shepherd.vm.power')).toBe(
        AuthorizeResult.CONDITIONAL,
      );
      expect(
        await resultOf('approving-engineer', 'shepherd.system.create'),
      ).toBe(AuthorizeResult.ALLOW);
    });

    it('add up the environments of engineer bindings', async () => {
      expect(
        await conditionsOf('twice-engineer', 'shepherd.vm.create'),
      ).toMatchObject({
        allOf: [{}, { params: { environments: ['test', 'prod'] } }],
      });
    });

    it('let a viewing engineer read everything and change only its Systems', async () => {
      expect(await resultOf('viewing-engineer', 'shepherd.system.read')).toBe(
        AuthorizeResult.ALLOW,
      );
      expect(await resultOf('viewing-engineer', 'shepherd.system.update')).toBe(
        AuthorizeResult.CONDITIONAL,
      );
    });

    it('make a platform admin allowed everything, whatever else it holds', async () => {
      for (const permission of shepherdPermissions) {
        expect((await decide('admin-viewer', permission)).result).toBe(
          AuthorizeResult.ALLOW,
        );
      }
    });
  });

  it('matches users named directly, not only groups', async () => {
    expect(await resultOf('solo', 'shepherd.vm.power')).toBe(
      AuthorizeResult.CONDITIONAL,
    );
  });

  it('matches refs whatever their case', async () => {
    const policy = policyWith({
      ...CONFIG,
      roles: { ...CONFIG.roles, approvers: ['group:default/approvers'] },
    });
    userInfo.getUserInfo.mockResolvedValueOnce({
      userEntityRef: 'user:default/Avery',
      ownershipEntityRefs: ['group:default/Approvers'],
    });
    expect(
      (
        await policy.handle(
          { permission: byName('shepherd.ticket.approve') },
          userOf('approver'),
        )
      ).result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('puts the claims into conditions in lowercase, where member refs are stored so', async () => {
    userInfo.getUserInfo.mockResolvedValueOnce({
      userEntityRef: 'user:default/Engineer-Test',
      ownershipEntityRefs: [
        'user:default/Engineer-Test',
        'group:default/Team-Payments',
        'group:default/Engineers-Test',
      ],
    });
    const conditions = await conditionsOf(
      'engineer-test',
      'shepherd.system.read',
    );
    expect(conditions).toEqual(
      isMember('shepherd-system', {
        claims: [
          'user:default/engineer-test',
          'group:default/team-payments',
          'group:default/engineers-test',
        ],
      }),
    );
    const system = {
      id: 's',
      name: 'shop',
      members: members(['group:default/team-payments', 'viewer']),
    };
    expect(evaluate(conditions, 'shepherd-system', system)).toBe(true);
  });

  it('gives a Shepherd permission it does not know to platform admins only', async () => {
    const future = createPermission({
      name: 'shepherd.snapshot.create',
      attributes: { action: 'create' },
    });
    expect((await decide('platform-admin', future)).result).toBe(
      AuthorizeResult.ALLOW,
    );
    for (const persona of ['approver', 'engineer-prod', 'viewer']) {
      expect((await decide(persona, future)).result).toBe(AuthorizeResult.DENY);
    }
  });

  describe("other plugins' permissions", () => {
    it.each(['allow', 'deny'] as const)(
      'get defaultDecision %s, for every caller',
      async defaultDecision => {
        const policy = policyWith({ ...CONFIG, defaultDecision });
        const expected =
          defaultDecision === 'allow'
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY;
        for (const persona of [
          'platform-admin',
          'engineer-test',
          'outsider',
          undefined,
        ]) {
          for (const permission of [CATALOG_CREATE, SCAFFOLDER_RUN]) {
            expect((await decide(persona, permission, policy)).result).toBe(
              expected,
            );
          }
        }
      },
    );

    it('are decided without looking the user up', async () => {
      await decide('viewer', CATALOG_CREATE);
      expect(userInfo.getUserInfo).not.toHaveBeenCalled();
    });
  });

  describe('catalog entity reads', () => {
    it('allow every entity to readers of every Shepherd record, with defaultDecision allow', async () => {
      for (const persona of ['platform-admin', 'approver', 'viewer']) {
        expect(await decide(persona, CATALOG_READ)).toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    });

    it.each(['engineer-test', 'engineer-prod', 'outsider', undefined])(
      'limit the entities of Shepherd records for %s, in the catalog',
      async persona => {
        expect(await decide(persona, CATALOG_READ)).toMatchObject({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
        });
      },
    );

    it("follow the engineer's environments on VM entities", async () => {
      const conditions = JSON.stringify(
        (await decide(
          'engineer-test',
          CATALOG_READ,
        )) as ConditionalPolicyDecision,
      );
      expect(conditions).toContain(
        '"label":"kubevirt-shepherd.io/environment","value":"test"',
      );
      expect(conditions).not.toContain('"value":"prod"');
      expect(conditions).toContain(
        '"key":"shepherd.members.viewer","value":"group:default/team-payments"',
      );
    });

    it('deny every entity with defaultDecision deny, even to platform admins', async () => {
      const policy = policyWith({ ...CONFIG, defaultDecision: 'deny' });
      for (const persona of ['platform-admin', 'engineer-test', undefined]) {
        expect((await decide(persona, CATALOG_READ, policy)).result).toBe(
          AuthorizeResult.DENY,
        );
      }
    });
  });

  it('tells which roles ownership refs hold', () => {
    expect(
      policyWith().rolesOf([
        'user:default/x',
        'group:default/approvers',
        'group:default/engineers-prod',
      ]),
    ).toEqual({
      platformAdmin: false,
      approver: true,
      viewer: false,
      engineerEnvironments: ['test', 'prod'],
    });
  });
});
