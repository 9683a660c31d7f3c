import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import {
  SHEPHERD_CHANGES_TOPIC,
  ShepherdChangesEvent,
  ShepherdRecordChange,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { InMemoryShepherdReader } from '../__testUtils__/InMemoryShepherdReader';
import { aMember, aService, aSystem, aVm } from '../__testUtils__/records';
import { ShepherdEntityProvider } from './ShepherdEntityProvider';

const CHANGE_DELAY_MS = 1_000;
const STARTUP_RETRY_MS = 15_000;

/** The catalog's side of the connection: remembers mutations and tells when the next one arrives. */
class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  #waiting: Array<(mutation: EntityProviderMutation) => void> = [];

  async applyMutation(mutation: EntityProviderMutation): Promise<void> {
    this.mutations.push(mutation);
    const waiting = this.#waiting;
    this.#waiting = [];
    waiting.forEach(resolve => resolve(mutation));
  }

  async refresh(): Promise<void> {}

  next(): Promise<EntityProviderMutation> {
    return new Promise(resolve => this.#waiting.push(resolve));
  }
}

/** Resolves with the arguments of the next call of a mock. */
function nextCallOf<Args extends unknown[]>(
  fn: jest.MockInstance<void, Args>,
): Promise<Args> {
  return new Promise(resolve => {
    fn.mockImplementationOnce((...args: Args) => resolve(args));
  });
}

const refsOf = (entities: DeferredEntity[]) =>
  entities.map(({ entity }) => stringifyEntityRef(entity)).sort();

const entityOf = (entities: DeferredEntity[], ref: string) =>
  entities.find(({ entity }) => stringifyEntityRef(entity) === ref)?.entity;

function changesEvent(...changes: ShepherdRecordChange[]) {
  const eventPayload: ShepherdChangesEvent = { changes };
  return { topic: SHEPHERD_CHANGES_TOPIC, eventPayload };
}

describe('ShepherdEntityProvider', () => {
  const shop = aSystem({ name: 'shop' });
  const cart = aService(shop, { name: 'cart' });
  const vm1 = aVm(cart, { instance: '01' });
  const vm2 = aVm(cart, { instance: '02' });
  const SYSTEM_REF = 'system:default/shop';
  const COMPONENT_REF = 'component:default/shop.cart';
  const VM1_REF = `resource:default/${vm1.name}`;
  const VM2_REF = `resource:default/${vm2.name}`;

  let reader: InMemoryShepherdReader;
  let connection: RecordingConnection;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let scheduledTask: SchedulerServiceTaskInvocationDefinition | undefined;
  let provider: ShepherdEntityProvider;

  /** Runs the task the provider gave the scheduler, as the scheduler would. */
  const runScheduledRead = () =>
    scheduledTask!.fn(new AbortController().signal);

  beforeEach(() => {
    jest.useFakeTimers();
    reader = new InMemoryShepherdReader();
    reader.systems = [shop];
    reader.members = [aMember(shop, 'group:default/team-shop')];
    reader.services = [cart];
    reader.vms = [vm1];
    connection = new RecordingConnection();
    logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    scheduledTask = undefined;
    provider = new ShepherdEntityProvider({
      reader,
      logger,
      mapping: {
        namespace: 'default',
        lifecycle: 'production',
        shepherdUrl: 'http://portal.test/shepherd',
      },
      taskRunner: {
        run: async task => {
          scheduledTask = task;
        },
      },
      changeDelayMs: CHANGE_DELAY_MS,
      startupRetryMs: STARTUP_RETRY_MS,
    });
  });

  afterEach(() => {
    provider.stop();
    jest.useRealTimers();
  });

  /** Connects and completes the first full read. */
  async function connected() {
    await provider.connect(connection);
    await runScheduledRead();
    expect(connection.mutations).toHaveLength(1);
  }

  /** Announces changes and lets the gathering delay pass; resolves with the next mutation. */
  async function announce(...changes: ShepherdRecordChange[]) {
    const mutation = connection.next();
    await provider.onEvent(changesEvent(...changes));
    await jest.advanceTimersByTimeAsync(CHANGE_DELAY_MS);
    return mutation;
  }

  it('registers a scheduled full read under its own name when the catalog connects', async () => {
    await provider.connect(connection);

    expect(provider.getProviderName()).toBe('ShepherdEntityProvider');
    expect(scheduledTask?.id).toBe('ShepherdEntityProvider:refresh');
    expect(connection.mutations).toEqual([]);
  });

  it('replaces all its entities with those of every record on a full read', async () => {
    await provider.connect(connection);
    await runScheduledRead();

    expect(connection.mutations).toHaveLength(1);
    const [mutation] = connection.mutations;
    expect(mutation.type).toBe('full');
    const entities = mutation.type === 'full' ? mutation.entities : [];
    expect(refsOf(entities)).toEqual([COMPONENT_REF, VM1_REF, SYSTEM_REF]);
    expect(entities.map(entity => entity.locationKey).sort()).toEqual([
      `shepherd-provider:${cart.id}`,
      `shepherd-provider:${shop.id}`,
      `shepherd-provider:${vm1.id}`,
    ]);
    expect(entityOf(entities, VM1_REF)?.spec).toMatchObject({
      owner: 'group:default/team-shop',
      system: SYSTEM_REF,
      dependencyOf: [COMPONENT_REF],
    });
  });

  it('publishes no entity for records registered from catalog entities', async () => {
    reader.systems = [{ ...shop, entityRef: 'system:default/payments' }];

    await connected();

    const [mutation] = connection.mutations;
    const entities = mutation.type === 'full' ? mutation.entities : [];
    expect(refsOf(entities)).toEqual([COMPONENT_REF, VM1_REF]);
    expect(entityOf(entities, COMPONENT_REF)?.spec?.system).toBe(
      'system:default/payments',
    );
  });

  describe('changes announced on the events service', () => {
    it('adds the entity of an upserted record, with those of its parents', async () => {
      await connected();
      reader.vms = [vm1, vm2];

      const mutation = await announce({
        kind: 'vm',
        id: vm2.id,
        change: 'upserted',
      });

      expect(mutation.type).toBe('delta');
      if (mutation.type !== 'delta') return;
      // The parents were read with the VM: their entities are restated as they are now.
      expect(refsOf(mutation.added)).toEqual([
        COMPONENT_REF,
        VM2_REF,
        SYSTEM_REF,
      ]);
      expect(mutation.removed).toEqual([]);
      expect(entityOf(mutation.added, VM2_REF)?.spec?.dependencyOf).toEqual([
        COMPONENT_REF,
      ]);
    });

    it.each([
      ['a removed record', 'removed'],
      ['an upserted record that is gone when it is read', 'upserted'],
    ] as const)('removes the entity of %s', async (_record, change) => {
      await connected();
      reader.vms = [];

      const mutation = await announce({ kind: 'vm', id: vm1.id, change });

      expect(mutation).toEqual({
        type: 'delta',
        added: [],
        removed: [{ entityRef: VM1_REF }],
      });
    });

    it("carries a System's change to the entities of its Services and VMs", async () => {
      await connected();
      reader.members = [aMember(shop, 'group:default/team-new')];

      const mutation = await announce({
        kind: 'system',
        id: shop.id,
        change: 'upserted',
      });

      if (mutation.type !== 'delta') throw new Error('expected a delta');
      expect(refsOf(mutation.added)).toEqual([
        COMPONENT_REF,
        VM1_REF,
        SYSTEM_REF,
      ]);
      for (const { entity } of mutation.added) {
        expect(entity.spec?.owner).toBe('group:default/team-new');
      }
    });

    it('gathers a burst of changes and applies them together', async () => {
      await connected();
      reader.vms = [vm1, vm2];
      const mutation = connection.next();

      await provider.onEvent(
        changesEvent({ kind: 'vm', id: vm1.id, change: 'upserted' }),
      );
      await jest.advanceTimersByTimeAsync(CHANGE_DELAY_MS / 2);
      await provider.onEvent(
        changesEvent({ kind: 'vm', id: vm2.id, change: 'upserted' }),
      );
      await jest.advanceTimersByTimeAsync(CHANGE_DELAY_MS / 2 - 1);
      expect(connection.mutations).toHaveLength(1);

      await jest.advanceTimersByTimeAsync(1);
      const applied = await mutation;

      expect(connection.mutations).toHaveLength(2);
      if (applied.type !== 'delta') throw new Error('expected a delta');
      expect(refsOf(applied.added)).toEqual([
        COMPONENT_REF,
        VM1_REF,
        VM2_REF,
        SYSTEM_REF,
      ]);
    });

    it('ignores events that are not lists of changed records', async () => {
      await connected();
      const payloads: unknown[] = [
        undefined,
        null,
        'vm changed',
        {},
        { changes: 'all' },
        { changes: [{ kind: 'pod', id: 'p1', change: 'upserted' }] },
        { changes: [{ kind: 'vm', id: '', change: 'upserted' }] },
        { changes: [{ kind: 'vm', id: vm1.id, change: 'deleted' }] },
      ];

      for (const eventPayload of payloads) {
        await provider.onEvent({ topic: SHEPHERD_CHANGES_TOPIC, eventPayload });
      }

      expect(logger.warn).toHaveBeenCalledTimes(payloads.length);
      expect(jest.getTimerCount()).toBe(0);
      expect(connection.mutations).toHaveLength(1);
    });

    it('reads everything when a record it never published is removed', async () => {
      await connected();
      reader.vms = [];

      const mutation = await announce({
        kind: 'vm',
        id: 'vm-published-elsewhere',
        change: 'removed',
      });

      expect(mutation.type).toBe('full');
      if (mutation.type !== 'full') return;
      expect(refsOf(mutation.entities)).toEqual([COMPONENT_REF, SYSTEM_REF]);
    });

    it('removes no entity for a removed record registered from a catalog entity', async () => {
      reader.systems = [{ ...shop, entityRef: 'system:default/payments' }];
      await connected();

      const mutation = await announce({
        kind: 'system',
        id: shop.id,
        change: 'removed',
      });

      expect(mutation).toEqual({ type: 'delta', added: [], removed: [] });
    });

    it("gives a changed record no entity that would take another record's entity ref", async () => {
      await connected();
      // Service cart deleted and created again under its name; the removal's event went to
      // another instance, so this one still holds shop.cart for the old record.
      const newCart = aService(shop, { id: 'service-2', name: 'cart' });
      const newCartVm = aVm(newCart, { namespace: 'prd' });
      reader.services = [newCart];
      reader.vms = [newCartVm];

      const mutation = await announce({
        kind: 'service',
        id: newCart.id,
        change: 'upserted',
      });

      if (mutation.type !== 'delta') throw new Error('expected a delta');
      const newCartVmRef = `resource:default/${newCartVm.name}`;
      expect(refsOf(mutation.added)).toEqual([newCartVmRef, SYSTEM_REF]);
      // Its VM depends on no Component rather than on the old record's.
      expect(entityOf(mutation.added, newCartVmRef)?.spec).not.toHaveProperty(
        'dependencyOf',
      );
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining(
          `${COMPONENT_REF} stands for service:${cart.id} already`,
        ),
      );
    });

    it('leaves a failed delta to the next full read and goes on with later changes', async () => {
      await connected();
      reader.failWith = new Error('Shepherd is unwell');
      const warned = nextCallOf(logger.warn);

      await provider.onEvent(
        changesEvent({ kind: 'vm', id: vm1.id, change: 'upserted' }),
      );
      await jest.advanceTimersByTimeAsync(CHANGE_DELAY_MS);

      expect(String((await warned)[0])).toContain(
        'Could not apply 1 change(s) from Shepherd',
      );
      expect(connection.mutations).toHaveLength(1);

      reader.failWith = undefined;
      reader.vms = [vm1, vm2];
      const mutation = await announce({
        kind: 'vm',
        id: vm2.id,
        change: 'upserted',
      });
      if (mutation.type !== 'delta') throw new Error('expected a delta');
      expect(refsOf(mutation.added)).toContain(VM2_REF);
    });

    it('ignores changes announced before the catalog connects', async () => {
      await provider.onEvent(
        changesEvent({ kind: 'vm', id: vm1.id, change: 'upserted' }),
      );

      expect(jest.getTimerCount()).toBe(0);
      expect(reader.calls).toEqual([]);
    });
  });

  describe('the scheduled full read', () => {
    it("reads with the scheduler's abort signal, which ends the read when the task times out", async () => {
      await provider.connect(connection);
      const controller = new AbortController();

      await scheduledTask!.fn(controller.signal);

      expect(reader.signals.length).toBeGreaterThan(0);
      expect(new Set(reader.signals)).toEqual(new Set([controller.signal]));
    });

    it('does not start a read the scheduler gave up while it waited', async () => {
      await provider.connect(connection);
      const controller = new AbortController();
      controller.abort(new Error('timed out'));

      await scheduledTask!.fn(controller.signal);

      expect(reader.calls).toEqual([]);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('timed out'),
      );
    });
  });

  describe('startup', () => {
    it('tries the first full read again until it succeeds', async () => {
      reader.failWith = new Error('Shepherd is still starting');
      await provider.connect(connection);

      await runScheduledRead();
      const callsAfterFirstTry = reader.calls.length;
      await jest.advanceTimersByTimeAsync(STARTUP_RETRY_MS - 1);
      expect(reader.calls).toHaveLength(callsAfterFirstTry);
      await jest.advanceTimersByTimeAsync(1);
      expect(reader.calls.length).toBeGreaterThan(callsAfterFirstTry);
      expect(connection.mutations).toEqual([]);

      reader.failWith = undefined;
      const mutation = connection.next();
      await jest.advanceTimersByTimeAsync(STARTUP_RETRY_MS);

      expect((await mutation).type).toBe('full');
      expect(jest.getTimerCount()).toBe(0);
    });

    it('leaves a failed read after the first success to the schedule', async () => {
      await connected();
      reader.failWith = new Error('Shepherd is unwell');

      await runScheduledRead();

      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Could not read Shepherd'),
      );
      expect(jest.getTimerCount()).toBe(0);
    });
  });

  describe('stop', () => {
    it('drops the changes it was gathering', async () => {
      await connected();
      await provider.onEvent(
        changesEvent({ kind: 'vm', id: vm1.id, change: 'upserted' }),
      );
      expect(jest.getTimerCount()).toBe(1);

      provider.stop();

      expect(jest.getTimerCount()).toBe(0);
      await provider.onEvent(
        changesEvent({ kind: 'vm', id: vm1.id, change: 'upserted' }),
      );
      expect(jest.getTimerCount()).toBe(0);
      expect(connection.mutations).toHaveLength(1);
    });

    it('stops trying the first full read again', async () => {
      reader.failWith = new Error('Shepherd is still starting');
      await provider.connect(connection);
      await runScheduledRead();
      expect(jest.getTimerCount()).toBe(1);

      provider.stop();

      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
