import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  SHEPHERD_ANNOTATIONS,
  SHEPHERD_ERROR_CODES,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { Fixtures } from '../../__testUtils__/fixtures';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { DatabaseShepherdStore } from '../../database/DatabaseShepherdStore';
import { MIGRATIONS_DIRECTORY } from '../../database/migrations';
import { Actor } from '../Actor';
import { AuditRecorder } from '../audit/AuditRecorder';
import { GovernanceContext } from '../GovernanceContext';
import { DefaultServicesService } from './DefaultServicesService';

const ENGINEER = 'user:default/engineer';
const ACTOR: Actor = {
  credentials: mockCredentials.user(ENGINEER),
  userEntityRef: ENGINEER,
  ownershipEntityRefs: [ENGINEER],
};

/** The namespace the catalog module is configured to publish Shepherd's entities in. */
const SHEPHERD_NAMESPACE = 'shepherd';

function component(
  name: string,
  namespace: string,
  system: string | undefined,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace },
    spec: { type: 'service', owner: 'group:default/team', system },
  };
}

function systemEntity(
  name: string,
  namespace: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace, annotations },
    spec: { owner: 'group:default/team' },
  };
}

describe('DefaultServicesService.registerService', () => {
  const databases = createTestDatabases();

  async function setUp(entities: Entity[]) {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY });
    const store = new DatabaseShepherdStore(knex);
    const logger = mockServices.logger.mock();
    const service = new DefaultServicesService(
      new GovernanceContext({
        store: store,
        auditRecorder: new AuditRecorder(mockServices.auditor.mock(), logger),
        logger,
      }),
      catalogServiceMock({ entities }),
    );
    return { service, fixtures: new Fixtures(store) };
  }

  it('finds a System created in Shepherd by the entity the catalog module publishes, in any namespace', async () => {
    const shopId = 'b7a1c0de-0000-4000-8000-000000000001';
    const { service, fixtures } = await setUp([
      systemEntity('shop', SHEPHERD_NAMESPACE, {
        [SHEPHERD_ANNOTATIONS.systemId]: shopId,
      }),
      // Someone else's System of the same name, in the default namespace.
      systemEntity('shop', 'default'),
      // spec.system is relative to the Component's namespace.
      component('cart', SHEPHERD_NAMESPACE, 'shop'),
      component('basket', 'default', `system:${SHEPHERD_NAMESPACE}/Shop`),
      component('impostor', 'default', 'shop'),
      component('stray', 'default', undefined),
    ]);
    const shop = await fixtures.system({ id: shopId, name: 'shop' });

    const cart = await service.registerService(
      ACTOR,
      shop.id,
      `component:${SHEPHERD_NAMESPACE}/cart`,
    );
    expect(cart.item).toMatchObject({
      name: 'cart',
      systemId: shop.id,
      entityRef: `component:${SHEPHERD_NAMESPACE}/cart`,
    });
    await expect(
      service.registerService(ACTOR, shop.id, 'component:default/basket'),
    ).resolves.toMatchObject({ item: { name: 'basket' } });

    for (const ref of [
      'component:default/impostor',
      'component:default/stray',
    ]) {
      await expect(
        service.registerService(ACTOR, shop.id, ref),
      ).rejects.toMatchObject({
        code: SHEPHERD_ERROR_CODES.SYSTEM_NOT_REGISTERED,
      });
    }
  });

  it('finds a System registered from the catalog by the entity it was registered from, whatever the case', async () => {
    const { service, fixtures } = await setUp([
      systemEntity('Payments', 'finance'),
      component('ledger', 'finance', 'Payments'),
      component('billing', 'default', 'system:Finance/payments'),
      component('elsewhere', 'default', 'payments'),
    ]);
    const payments = await fixtures.system({
      name: 'payments',
      entityRef: 'system:finance/Payments',
    });

    await expect(
      service.registerService(ACTOR, payments.id, 'component:finance/ledger'),
    ).resolves.toMatchObject({ item: { name: 'ledger' } });
    await expect(
      service.registerService(ACTOR, payments.id, 'component:default/billing'),
    ).resolves.toMatchObject({ item: { name: 'billing' } });
    await expect(
      service.registerService(
        ACTOR,
        payments.id,
        'component:default/elsewhere',
      ),
    ).rejects.toMatchObject({
      code: SHEPHERD_ERROR_CODES.SYSTEM_NOT_REGISTERED,
    });
  });
});
