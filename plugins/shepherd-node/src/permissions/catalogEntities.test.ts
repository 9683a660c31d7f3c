import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  shepherdTicketReadPermission,
  shepherdVmReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { createShepherdCatalogReadDecision } from './catalogEntities';
import {
  createShepherdTicketConditionalDecision,
  createShepherdVmConditionalDecision,
  shepherdTicketConditions,
  shepherdVmConditions,
} from './conditions';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

const condition = (rule: string, params: object) => ({
  rule,
  resourceType: 'catalog-entity',
  params,
});
const entityOf = (kind: string, annotation: string) => ({
  allOf: [
    condition('IS_ENTITY_KIND', { kinds: [kind] }),
    condition('HAS_ANNOTATION', { annotation }),
  ],
});
const SYSTEM = entityOf('system', 'kubevirt-shepherd.io/system-id');
const SERVICE = entityOf('component', 'kubevirt-shepherd.io/service-id');
const VM = entityOf('resource', 'kubevirt-shepherd.io/vm-id');
const NOT_SHEPHERDS = { not: { anyOf: [SYSTEM, SERVICE, VM] } };
const NO_ENTITY = {
  allOf: [
    condition('HAS_ANNOTATION', {
      annotation: 'kubevirt-shepherd.io/system-id',
    }),
    {
      not: condition('HAS_ANNOTATION', {
        annotation: 'kubevirt-shepherd.io/system-id',
      }),
    },
  ],
};

function decide(
  decisions: {
    system?: PolicyDecision;
    service?: PolicyDecision;
    vm: PolicyDecision;
  },
  others?: PolicyDecision,
) {
  return createShepherdCatalogReadDecision(
    catalogEntityReadPermission,
    { system: DENY, service: DENY, ...decisions },
    others,
  );
}

describe('createShepherdCatalogReadDecision', () => {
  it('leaves the catalog to the other decision when every record is readable', () => {
    const all = { system: ALLOW, service: ALLOW, vm: ALLOW };
    expect(decide(all)).toEqual(ALLOW);
    expect(decide(all, DENY)).toEqual(DENY);
  });

  it('refuses every entity when the other decision does, whatever Shepherd allows', () => {
    expect(decide({ vm: DENY }, DENY)).toEqual(DENY);
  });

  it("shows none of Shepherd's entities to a caller who may read none of its records", () => {
    expect(decide({ vm: DENY })).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: NOT_SHEPHERDS,
    });
  });

  it("carries Shepherd's conditions over to the entities' fields, normalising claims", () => {
    const vm = createShepherdVmConditionalDecision(shepherdVmReadPermission, {
      allOf: [
        shepherdVmConditions.isSystemMember({
          claims: ['group:default/Team'],
          roles: ['owner', 'admin'],
        }),
        shepherdVmConditions.isInEnvironment({ environments: ['test'] }),
      ],
    });
    expect(decide({ system: ALLOW, vm })).toMatchObject({
      conditions: {
        anyOf: [
          NOT_SHEPHERDS,
          SYSTEM,
          {
            allOf: [
              VM,
              {
                allOf: [
                  {
                    anyOf: [
                      condition('HAS_SPEC', {
                        key: 'shepherd.members.owner',
                        value: 'group:default/team',
                      }),
                      condition('HAS_SPEC', {
                        key: 'shepherd.members.admin',
                        value: 'group:default/team',
                      }),
                    ],
                  },
                  condition('HAS_LABEL', {
                    label: 'kubevirt-shepherd.io/environment',
                    value: 'test',
                  }),
                ],
              },
            ],
          },
        ],
      },
    });
  });

  it('matches requesters by the VM entity requester field', () => {
    const vm = createShepherdVmConditionalDecision(
      shepherdVmReadPermission,
      shepherdVmConditions.isRequester({ claims: ['user:default/Ann'] }),
    );
    expect(decide({ vm })).toMatchObject({
      conditions: {
        anyOf: [
          NOT_SHEPHERDS,
          {
            allOf: [
              VM,
              condition('HAS_SPEC', {
                key: 'shepherd.requester',
                value: 'user:default/ann',
              }),
            ],
          },
        ],
      },
    });
  });

  it('lets conditions without a counterpart on entities, and empty claims, match no entity', () => {
    const ticketLike = createShepherdTicketConditionalDecision(
      shepherdTicketReadPermission,
      shepherdTicketConditions.hasTicketStatus({ statuses: ['PENDING'] }),
    );
    const noClaims = createShepherdVmConditionalDecision(
      shepherdVmReadPermission,
      shepherdVmConditions.isSystemMember({ claims: [] }),
    );
    for (const vm of [ticketLike, noClaims]) {
      expect(decide({ vm })).toMatchObject({
        conditions: { anyOf: [NOT_SHEPHERDS, { allOf: [VM, NO_ENTITY] }] },
      });
    }
  });

  it("makes Shepherd's entities pass the other decision's conditions too", () => {
    const others = {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: condition('IS_ENTITY_OWNER', { claims: ['group:default/a'] }),
    } as PolicyDecision;
    expect(decide({ vm: DENY }, others)).toMatchObject({
      conditions: {
        allOf: [
          condition('IS_ENTITY_OWNER', { claims: ['group:default/a'] }),
          NOT_SHEPHERDS,
        ],
      },
    });
  });
});
