import {
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
  EntityProviderMutation,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { EventSubscriber } from '@backstage/plugin-events-node';
import { SHEPHERD_CHANGES_TOPIC } from '@kubevirt-shepherd/plugin-shepherd-common';
import { FakeShepherd } from './__testUtils__/FakeShepherd';
import { aMember, aService, aSystem, aVm } from './__testUtils__/records';
import { DEFAULT_SCHEDULE } from './config';
import { catalogModuleShepherdEntityProvider } from './module';

type Subscription = {
  id: string;
  topics: string[];
  onEvent: EventSubscriber['onEvent'];
};

describe('catalogModuleShepherdEntityProvider', () => {
  const shepherd = new FakeShepherd();
  let shepherdBaseUrl: string;

  beforeAll(async () => {
    shepherdBaseUrl = await shepherd.start();
  });

  afterAll(() => shepherd.stop());

  /** Starts a backend with the module and what it needs, and captures what it registers. */
  async function startModule(config: object = {}) {
    const providers: EntityProvider[] = [];
    const subscriptions: Subscription[] = [];
    const schedules: SchedulerServiceTaskScheduleDefinition[] = [];
    const tasks: SchedulerServiceTaskInvocationDefinition[] = [];

    const backend = await startTestBackend({
      extensionPoints: [
        [
          catalogProcessingExtensionPoint,
          {
            addEntityProvider: (
              ...added: Array<EntityProvider | EntityProvider[]>
            ) => providers.push(...added.flat()),
          },
        ],
      ],
      features: [
        catalogModuleShepherdEntityProvider,
        mockServices.rootConfig.factory({
          data: { app: { baseUrl: 'http://portal.test' }, ...config },
        }),
        mockServices.scheduler.mock({
          createScheduledTaskRunner(schedule) {
            schedules.push(schedule);
            return { run: async task => void tasks.push(task) };
          },
        }).factory,
        mockServices.discovery.mock({
          getBaseUrl: async () => shepherdBaseUrl,
        }).factory,
        mockServices.events.mock({
          subscribe: async options => void subscriptions.push(options),
        }).factory,
      ],
    });
    return { backend, providers, subscriptions, schedules, tasks };
  }

  it('adds the Shepherd entity provider to the catalog, read on the default schedule', async () => {
    const { backend, providers, schedules } = await startModule();

    expect(providers.map(provider => provider.getProviderName())).toEqual([
      'ShepherdEntityProvider',
    ]);
    expect(schedules).toEqual([DEFAULT_SCHEDULE]);
    await backend.stop();
  });

  it('reads the schedule from catalog.providers.shepherd', async () => {
    const { backend, schedules } = await startModule({
      catalog: {
        providers: {
          shepherd: {
            schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
          },
        },
      },
    });

    expect(schedules).toEqual([
      { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
    ]);
    await backend.stop();
  });

  it("subscribes the provider to Shepherd's changes and publishes what Shepherd has", async () => {
    const shop = aSystem({ name: 'shop' });
    const cart = aService(shop, { name: 'cart' });
    const vm = aVm(cart);
    shepherd.systems = [shop];
    shepherd.members = [aMember(shop, 'group:default/team-shop')];
    shepherd.services = [cart];
    shepherd.vms = [];
    const { backend, providers, subscriptions, tasks } = await startModule();

    expect(subscriptions).toEqual([
      expect.objectContaining({
        id: 'shepherd-entity-provider',
        topics: [SHEPHERD_CHANGES_TOPIC],
      }),
    ]);

    const mutations: EntityProviderMutation[] = [];
    let mutated: (() => void) | undefined;
    const connection: EntityProviderConnection = {
      applyMutation: async mutation => {
        mutations.push(mutation);
        mutated?.();
      },
      refresh: async () => {},
    };
    await providers[0].connect(connection);
    expect(tasks).toHaveLength(1);
    await tasks[0].fn(new AbortController().signal);

    expect(mutations).toHaveLength(1);
    expect(mutations[0]).toMatchObject({ type: 'full' });

    // Shepherd announces a new VM: the provider reads it and adds its entity.
    shepherd.vms = [vm];
    const delta = new Promise<void>(resolve => {
      mutated = resolve;
    });
    await subscriptions[0].onEvent({
      topic: SHEPHERD_CHANGES_TOPIC,
      eventPayload: {
        changes: [{ kind: 'vm', id: vm.id, change: 'upserted' }],
      },
    });
    await delta;

    const [, applied] = mutations;
    expect(applied.type).toBe('delta');
    expect(
      applied.type === 'delta' &&
        applied.added.map(({ entity }) => stringifyEntityRef(entity)),
    ).toContain(`resource:default/${vm.name}`);
    await backend.stop();
  });
});
