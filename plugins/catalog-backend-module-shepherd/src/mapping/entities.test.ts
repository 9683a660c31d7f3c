import {
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  componentEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { SystemMember } from '@kubevirt-shepherd/plugin-shepherd-common';
import {
  aMember,
  aService,
  aSystem,
  aVm,
  after,
} from '../__testUtils__/records';
import { EntityMappingOptions } from '../config';
import { mapRecords } from './entities';
import { ShepherdRecords } from './records';

const OPTIONS: EntityMappingOptions = {
  namespace: 'default',
  lifecycle: 'production',
  shepherdUrl: 'http://portal.test/shepherd',
};

function records(
  parts: Partial<ShepherdRecords> & { memberList?: SystemMember[] },
) {
  const members = new Map<string, SystemMember[]>();
  for (const member of parts.memberList ?? []) {
    members.set(member.systemId, [
      ...(members.get(member.systemId) ?? []),
      member,
    ]);
  }
  return {
    systems: parts.systems ?? [],
    services: parts.services ?? [],
    vms: parts.vms ?? [],
    members: parts.members ?? members,
  };
}

function map(
  input: ShepherdRecords,
  options: EntityMappingOptions = OPTIONS,
  holderOf?: (entityRef: string) => string | undefined,
) {
  const warnings: string[] = [];
  const mapped = mapRecords(
    input,
    options,
    message => warnings.push(message),
    holderOf,
  );
  const entities = mapped.flatMap(record =>
    record.entity ? [record.entity.entity] : [],
  );
  const byName = (name: string) =>
    entities.find(entity => entity.metadata.name === name) as Entity;
  return { mapped, entities, byName, warnings };
}

describe('mapRecords', () => {
  const shop = aSystem({ name: 'shop', description: 'The shop' });
  const cart = aService(shop, { name: 'cart', description: 'Carts' });
  const vm = aVm(cart);
  const owner = aMember(shop, 'group:default/team-shop');

  it('publishes a System as a System owned by its owner, linked to Shepherd', () => {
    const { mapped, byName } = map(
      records({ systems: [shop], memberList: [owner] }),
    );

    expect(byName('shop')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: 'shop',
        namespace: 'default',
        description: 'The shop',
        annotations: {
          'backstage.io/managed-by-location': 'shepherd-provider:system-shop',
          'backstage.io/managed-by-origin-location':
            'shepherd-provider:system-shop',
          'backstage.io/view-url':
            'http://portal.test/shepherd/systems/system-shop',
          'kubevirt-shepherd.io/system-id': 'system-shop',
        },
        links: [
          {
            url: 'http://portal.test/shepherd/systems/system-shop',
            title: 'Shepherd System',
          },
        ],
      },
      spec: {
        owner: 'group:default/team-shop',
        shepherd: { members: { owner: ['group:default/team-shop'] } },
      },
    });
    expect(mapped).toEqual([
      {
        key: 'system:system-shop',
        entityRef: 'system:default/shop',
        entity: {
          entity: byName('shop'),
          locationKey: 'shepherd-provider:system-shop',
        },
      },
    ]);
  });

  it('publishes a Service as a service Component of its System, named after both', () => {
    const { byName } = map(
      records({ systems: [shop], services: [cart], memberList: [owner] }),
    );

    expect(byName('shop.cart')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'shop.cart',
        namespace: 'default',
        description: 'Carts',
        annotations: {
          'backstage.io/managed-by-location':
            'shepherd-provider:service-shop-cart',
          'backstage.io/managed-by-origin-location':
            'shepherd-provider:service-shop-cart',
          'backstage.io/view-url':
            'http://portal.test/shepherd/systems/system-shop',
          'kubevirt-shepherd.io/system-id': 'system-shop',
          'kubevirt-shepherd.io/service-id': 'service-shop-cart',
        },
        links: [
          {
            url: 'http://portal.test/shepherd/systems/system-shop',
            title: 'Shepherd System',
          },
          {
            url: 'http://portal.test/shepherd/request-vm?serviceId=service-shop-cart',
            title: 'Request a VM',
          },
        ],
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/team-shop',
        system: 'system:default/shop',
        shepherd: { members: { owner: ['group:default/team-shop'] } },
      },
    });
  });

  it('publishes a VM as a virtual-machine Resource its Service depends on, found by the Kubernetes plugin', () => {
    const { byName } = map(
      records({
        systems: [shop],
        services: [cart],
        vms: [vm],
        memberList: [owner],
      }),
    );

    expect(byName('dev-shop-cart-01')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'dev-shop-cart-01',
        namespace: 'default',
        description:
          'Virtual machine 01 of shop/cart in the test namespace dev',
        labels: { 'kubevirt-shepherd.io/environment': 'test' },
        tags: ['kubevirt', 'test'],
        annotations: {
          'backstage.io/managed-by-location':
            'shepherd-provider:vm-dev-shop-cart-01',
          'backstage.io/managed-by-origin-location':
            'shepherd-provider:vm-dev-shop-cart-01',
          'backstage.io/view-url':
            'http://portal.test/shepherd/vms/vm-dev-shop-cart-01',
          'kubevirt-shepherd.io/system-id': 'system-shop',
          'kubevirt-shepherd.io/service-id': 'service-shop-cart',
          'kubevirt-shepherd.io/vm-id': 'vm-dev-shop-cart-01',
          'kubevirt-shepherd.io/cluster': 'sim-test',
          'backstage.io/kubernetes-namespace': 'dev',
          'backstage.io/kubernetes-label-selector':
            'kubevirt-shepherd.io/managed-by=kubevirt-shepherd,kubevirt-shepherd.io/system=shop,kubevirt-shepherd.io/service=cart,kubevirt-shepherd.io/instance=01',
        },
        links: [
          {
            url: 'http://portal.test/shepherd/vms/vm-dev-shop-cart-01',
            title: 'Shepherd VM',
          },
        ],
      },
      spec: {
        type: 'virtual-machine',
        owner: 'group:default/team-shop',
        system: 'system:default/shop',
        dependencyOf: ['component:default/shop.cart'],
        shepherd: {
          members: { owner: ['group:default/team-shop'] },
          requester: 'user:default/bob',
        },
      },
    });
  });

  it('carries who may see an entity: the members of its System by role and the requester of a VM, refs in their normal form', () => {
    const { byName } = map(
      records({
        systems: [shop],
        services: [cart],
        vms: [aVm(cart, { createdBy: 'user:default/Bob' })],
        memberList: [
          owner,
          aMember(shop, 'user:default/Carol', 'viewer'),
          aMember(shop, 'user:default/dave', 'member'),
          aMember(shop, 'user:default/erin', 'member'),
        ],
      }),
    );
    const members = {
      owner: ['group:default/team-shop'],
      member: ['user:default/dave', 'user:default/erin'],
      viewer: ['user:default/carol'],
    };

    expect(byName('shop').spec?.shepherd).toEqual({ members });
    expect(byName('shop.cart').spec?.shepherd).toEqual({ members });
    expect(byName(vm.name).spec?.shepherd).toEqual({
      members,
      requester: 'user:default/bob',
    });
  });

  it('makes entities the catalog accepts', async () => {
    const { entities } = map(
      records({
        systems: [shop],
        services: [cart],
        vms: [vm],
        memberList: [owner],
      }),
    );
    const policy = EntityPolicies.allOf([
      new SchemaValidEntityPolicy(),
      new NoForeignRootFieldsEntityPolicy(),
      new FieldFormatEntityPolicy(),
    ]);
    const validators = [
      systemEntityV1alpha1Validator,
      componentEntityV1alpha1Validator,
      resourceEntityV1alpha1Validator,
    ];

    expect(entities).toHaveLength(3);
    for (const entity of entities) {
      await expect(policy.enforce(entity)).resolves.toBe(entity);
      const verdicts = await Promise.all(
        validators.map(validator => validator.check(entity)),
      );
      expect(verdicts.filter(Boolean)).toEqual([true]);
    }
  });

  it('names no cluster for a VM that has none yet', () => {
    const waiting = aVm(cart, { clusterId: undefined, clusterName: undefined });
    const { byName } = map(
      records({ systems: [shop], services: [cart], vms: [waiting] }),
    );

    expect(
      byName(waiting.name).metadata.annotations![
        'kubevirt-shepherd.io/cluster'
      ],
    ).toBeUndefined();
  });

  it('leaves out empty descriptions', () => {
    const plain = aSystem({ name: 'plain', description: '' });
    const { byName } = map(records({ systems: [plain] }));

    expect(byName('plain').metadata).not.toHaveProperty('description');
  });

  describe('records registered from catalog entities', () => {
    const payments = aSystem({
      name: 'payments',
      entityRef: 'system:default/payments',
    });
    const ledger = aService(payments, {
      name: 'ledger',
      entityRef: 'Component:default/Ledger',
    });
    const ledgerVm = aVm(ledger);
    const paymentsOwner = aMember(payments, 'group:default/team-payments');

    it('are linked, not published again, and their VMs refer to their entities', () => {
      const { mapped, entities, byName } = map(
        records({
          systems: [payments],
          services: [ledger],
          vms: [ledgerVm],
          memberList: [paymentsOwner],
        }),
      );

      expect(entities.map(entity => entity.kind)).toEqual(['Resource']);
      expect(byName(ledgerVm.name).spec).toEqual({
        type: 'virtual-machine',
        owner: 'group:default/team-payments',
        system: 'system:default/payments',
        dependencyOf: ['component:default/ledger'],
        shepherd: {
          members: { owner: ['group:default/team-payments'] },
          requester: 'user:default/bob',
        },
      });
      expect(mapped.map(record => record.key)).toEqual([
        'system:system-payments',
        'service:service-payments-ledger',
        `vm:${ledgerVm.id}`,
      ]);
      expect(mapped[0]).toEqual({ key: 'system:system-payments' });
    });

    it('own the Services created in Shepherd under them', () => {
      const refunds = aService(payments, { name: 'refunds' });
      const { byName } = map(
        records({
          systems: [payments],
          services: [refunds],
          memberList: [paymentsOwner],
        }),
      );

      expect(byName('payments.refunds').spec).toMatchObject({
        system: 'system:default/payments',
        owner: 'group:default/team-payments',
      });
    });
  });

  describe('owners', () => {
    const ownerOfShop = (memberList: SystemMember[]) =>
      map(records({ systems: [shop], memberList })).byName('shop').spec!.owner;

    it('prefer a group among the owners, the oldest first', () => {
      expect(
        ownerOfShop([
          aMember(shop, 'user:default/alice'),
          aMember(shop, 'group:default/late', 'owner', {
            createdAt: after(5),
          }),
          aMember(shop, 'group:default/early', 'owner', {
            createdAt: after(1),
          }),
          aMember(shop, 'group:default/viewers', 'viewer'),
        ]),
      ).toBe('group:default/early');
    });

    it('take the oldest owning user when no group owns the System', () => {
      expect(
        ownerOfShop([
          aMember(shop, 'user:default/zoe', 'owner', { createdAt: after(2) }),
          aMember(shop, 'user:default/bob', 'owner', { createdAt: after(1) }),
          aMember(shop, 'group:default/admins', 'admin'),
        ]),
      ).toBe('user:default/bob');
    });

    it('fall back to whoever created the System', () => {
      expect(ownerOfShop([aMember(shop, 'group:default/x', 'member')])).toBe(
        'user:default/alice',
      );
    });
  });

  it('puts every entity in the configured namespace and links to the configured page', () => {
    const { entities } = map(
      records({ systems: [shop], services: [cart], vms: [vm] }),
      {
        namespace: 'kubevirt',
        lifecycle: 'experimental',
        shepherdUrl: 'https://portal.example/vms',
      },
    );

    expect(entities.map(entity => entity.metadata.namespace)).toEqual([
      'kubevirt',
      'kubevirt',
      'kubevirt',
    ]);
    const [system, component, resource] = entities;
    expect(system.metadata.links![0].url).toBe(
      'https://portal.example/vms/systems/system-shop',
    );
    expect(component.spec).toMatchObject({
      lifecycle: 'experimental',
      system: 'system:kubevirt/shop',
    });
    expect(resource.spec).toMatchObject({
      system: 'system:kubevirt/shop',
      dependencyOf: ['component:kubevirt/shop.cart'],
    });
  });

  it('names Components so that Services of different Systems never share one', () => {
    // Shepherd names are DNS labels, without dots: a-b/c and a/b-c stay apart.
    const ab = aSystem({ name: 'a-b' });
    const a = aSystem({ name: 'a' });
    const c = aService(ab, { id: 'service-1', name: 'c' });
    const bc = aService(a, { id: 'service-2', name: 'b-c' });
    const cVm = aVm(c, { namespace: 'dev' });
    const bcVm = aVm(bc, { namespace: 'prd' });

    const { byName, warnings } = map(
      records({ systems: [a, ab], services: [bc, c], vms: [cVm, bcVm] }),
    );

    expect(byName('a-b.c').metadata.annotations).toMatchObject({
      'kubevirt-shepherd.io/service-id': c.id,
    });
    expect(byName('a.b-c').metadata.annotations).toMatchObject({
      'kubevirt-shepherd.io/service-id': bc.id,
    });
    expect(byName(cVm.name).spec?.dependencyOf).toEqual([
      'component:default/a-b.c',
    ]);
    expect(byName(bcVm.name).spec?.dependencyOf).toEqual([
      'component:default/a.b-c',
    ]);
    expect(warnings).toEqual([]);
  });

  // A Service deleted and created again under its name while the lists were read page by page.
  const olderCart = aService(shop, {
    id: 'service-1',
    name: 'cart',
    createdAt: after(1),
  });
  const youngerCart = aService(shop, {
    id: 'service-2',
    name: 'cart',
    createdAt: after(2),
  });

  it('gives an entity ref to the oldest of two records that would share it, and says so', () => {
    const { mapped, entities, warnings } = map(
      records({ systems: [shop], services: [youngerCart, olderCart] }),
    );

    expect(
      entities.filter(entity => entity.metadata.name === 'shop.cart'),
    ).toHaveLength(1);
    expect(
      mapped.find(record => record.entityRef === 'component:default/shop.cart')
        ?.key,
    ).toBe('service:service-1');
    expect(mapped).toContainEqual({ key: 'service:service-2' });
    expect(warnings).toEqual([
      expect.stringContaining(
        'Service shop/cart (service-2) gets no entity: component:default/shop.cart stands for Service shop/cart (service-1)',
      ),
    ]);
  });

  it("relates the VMs of a Service that got no entity to no other record's entity", () => {
    const youngerVm = aVm(youngerCart, { namespace: 'prd' });

    const { byName, warnings } = map(
      records({
        systems: [shop],
        services: [youngerCart, olderCart],
        vms: [youngerVm],
      }),
    );

    expect(byName(youngerVm.name).spec).toEqual({
      type: 'virtual-machine',
      owner: 'user:default/alice',
      system: 'system:default/shop',
      shepherd: { members: {}, requester: 'user:default/bob' },
    });
    expect(warnings).toContainEqual(
      expect.stringContaining(
        `VM ${youngerVm.name} (${youngerVm.id}) depends on no Component: Service shop/cart (service-2) has no entity`,
      ),
    );
  });

  it('relates no entity to the entity of a parent whose name is no valid entity name', () => {
    const long = aSystem({ name: 'l'.repeat(40) });
    const longer = aService(long, { name: 's'.repeat(40) });
    const longVm = aVm(longer, { name: 'dev-long-01' });

    const { mapped, byName, warnings } = map(
      records({ systems: [long], services: [longer], vms: [longVm] }),
    );

    expect(
      mapped.find(record => record.key === `service:${longer.id}`),
    ).toEqual({ key: `service:${longer.id}` });
    expect(byName('dev-long-01').spec).not.toHaveProperty('dependencyOf');
    expect(byName('dev-long-01').spec?.system).toBe(
      `system:default/${long.name}`,
    );
    expect(warnings).toHaveLength(2);
  });

  it('gives no entity to a record whose entity ref another record holds already', () => {
    const { mapped, byName, warnings } = map(
      records({ systems: [shop], services: [cart], vms: [vm] }),
      OPTIONS,
      ref =>
        ref === 'component:default/shop.cart' ? 'service:other' : undefined,
    );

    expect(mapped).toContainEqual({ key: `service:${cart.id}` });
    expect(byName(vm.name).spec).not.toHaveProperty('dependencyOf');
    expect(warnings).toContainEqual(
      expect.stringContaining(
        'component:default/shop.cart stands for service:other already',
      ),
    );
  });

  it('gives no entity to a record whose parents were not read', () => {
    const { mapped, warnings } = map(records({ services: [cart], vms: [vm] }));

    expect(mapped).toEqual([
      { key: `service:${cart.id}` },
      { key: `vm:${vm.id}` },
    ]);
    expect(warnings).toHaveLength(2);
  });
});
