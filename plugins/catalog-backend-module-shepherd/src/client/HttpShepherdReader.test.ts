import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ResponseError, ServiceUnavailableError } from '@backstage/errors';
import { FakeShepherd } from '../__testUtils__/FakeShepherd';
import { aMember, aService, aSystem, aVm } from '../__testUtils__/records';
import { HttpShepherdReader } from './HttpShepherdReader';

/** Long enough for any answer on a busy machine: only the test of the deadline is short. */
const REQUEST_TIMEOUT_MS = 60_000;
/** Short, so the test of a request that is never answered ends soon. */
const SHORT_TIMEOUT_MS = 200;

describe('HttpShepherdReader', () => {
  const shepherd = new FakeShepherd();
  let baseUrl: string;
  let reader: HttpShepherdReader;

  const readerWith = (requestTimeoutMs: number) =>
    new HttpShepherdReader(
      {
        getBaseUrl: async pluginId => baseUrl.replace('shepherd', pluginId),
        getExternalBaseUrl: async () => 'http://unused',
      },
      mockServices.auth({ pluginId: 'catalog' }),
      { requestTimeoutMs },
    );

  beforeAll(async () => {
    baseUrl = await shepherd.start();
    reader = readerWith(REQUEST_TIMEOUT_MS);
  });

  afterAll(() => shepherd.stop());

  beforeEach(() => {
    shepherd.systems = [];
    shepherd.members = [];
    shepherd.services = [];
    shepherd.vms = [];
    shepherd.failWith = undefined;
    shepherd.hang = false;
    shepherd.beforeAnswer = undefined;
    shepherd.requests.length = 0;
  });

  it("reads with the catalog's own token for the Shepherd plugin", async () => {
    shepherd.systems = [aSystem()];

    await reader.listSystems();

    expect(shepherd.requests).toEqual([
      {
        path: '/api/shepherd/v1/systems?offset=0&limit=100',
        authorization: `Bearer ${mockCredentials.service.token({
          onBehalfOf: mockCredentials.service('plugin:catalog'),
          targetPluginId: 'shepherd',
        })}`,
      },
    ]);
  });

  it('reads lists to their end, page by page', async () => {
    const shop = aSystem();
    const api = aService(shop);
    shepherd.vms = Array.from({ length: 230 }, (_, index) =>
      aVm(api, { instance: String(index).padStart(3, '0') }),
    );

    const vms = await reader.listVms();

    expect(vms).toHaveLength(230);
    expect(new Set(vms.map(vm => vm.id)).size).toBe(230);
    // Pages overlap by one VM, which tells whether the list shifted in between.
    expect(shepherd.requests.map(request => request.path)).toEqual([
      '/api/shepherd/v1/vms?offset=0&limit=100',
      '/api/shepherd/v1/vms?offset=99&limit=100',
      '/api/shepherd/v1/vms?offset=198&limit=100',
    ]);
  });

  describe('a list that changes while it is read', () => {
    const api = aService(aSystem());
    const vmsOf = (count: number) =>
      Array.from({ length: count }, (_, index) =>
        aVm(api, { instance: String(index).padStart(3, '0') }),
      );
    const onSecondPage = (path: string) => !path.includes('offset=0&');

    it('is read again when a record of a page already read is removed, so no record is missed', async () => {
      const vms = vmsOf(150);
      shepherd.vms = [...vms];
      let removed = false;
      shepherd.beforeAnswer = path => {
        if (onSecondPage(path) && !removed) {
          shepherd.vms.splice(5, 1);
          removed = true;
        }
      };

      const read = await reader.listVms();

      const expected = vms.filter((_, index) => index !== 5);
      expect(read.map(vm => vm.id).sort()).toEqual(
        expected.map(vm => vm.id).sort(),
      );
      expect(shepherd.requests.map(request => request.path)).toEqual([
        '/api/shepherd/v1/vms?offset=0&limit=100',
        '/api/shepherd/v1/vms?offset=99&limit=100',
        '/api/shepherd/v1/vms?offset=0&limit=100',
        '/api/shepherd/v1/vms?offset=99&limit=100',
      ]);
    });

    it('fails when it changes during every read, rather than answer with a gap', async () => {
      shepherd.vms = vmsOf(150);
      shepherd.beforeAnswer = path => {
        if (onSecondPage(path)) shepherd.vms.shift();
      };

      await expect(reader.listVms()).rejects.toThrow(
        "Shepherd's list /v1/vms changed during each of 3 reads",
      );
      expect(shepherd.requests).toHaveLength(6);
    });
  });

  it('filters Services and VMs by System or Service', async () => {
    const shop = aSystem({ name: 'shop' });
    const other = aSystem({ name: 'other' });
    const cart = aService(shop, { name: 'cart' });
    const till = aService(shop, { name: 'till' });
    shepherd.services = [cart, till, aService(other)];
    shepherd.vms = [aVm(cart), aVm(till), aVm(aService(other))];

    expect(await reader.listServices({ systemId: shop.id })).toEqual([
      cart,
      till,
    ]);
    expect(
      (await reader.listVms({ serviceId: till.id })).map(vm => vm.name),
    ).toEqual(['dev-shop-till-01']);
    expect(shepherd.requests.map(request => request.path)).toEqual([
      '/api/shepherd/v1/services?systemId=system-shop&offset=0&limit=100',
      '/api/shepherd/v1/vms?serviceId=service-shop-till&offset=0&limit=100',
    ]);
  });

  it('answers single records, and nothing for records that do not exist', async () => {
    const shop = aSystem();
    const api = aService(shop);
    const vm = aVm(api);
    const owner = aMember(shop, 'group:default/team-shop');
    Object.assign(shepherd, {
      systems: [shop],
      services: [api],
      vms: [vm],
      members: [owner],
    });

    expect(await reader.getSystem(shop.id)).toEqual(shop);
    expect(await reader.getService(api.id)).toEqual(api);
    expect(await reader.getVm(vm.id)).toEqual(vm);
    expect(await reader.listMembers(shop.id)).toEqual([owner]);
    expect(await reader.getSystem('gone')).toBeUndefined();
    expect(await reader.getService('gone')).toBeUndefined();
    expect(await reader.getVm('gone')).toBeUndefined();
    expect(await reader.listMembers('gone')).toEqual([]);
  });

  it('fails with the answer of a Shepherd that cannot answer', async () => {
    shepherd.failWith = 503;

    const failure = reader.listSystems();

    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      response: { status: 503 },
      cause: { message: 'Shepherd is unwell' },
    });
  });

  it('gives up a request Shepherd does not answer after the request timeout', async () => {
    shepherd.hang = true;

    const failure = readerWith(SHORT_TIMEOUT_MS).listSystems();

    await expect(failure).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(failure).rejects.toThrow(
      `Shepherd did not answer GET /v1/systems?offset=0&limit=100 within ${SHORT_TIMEOUT_MS} ms`,
    );
  });

  it("gives up a request when the caller's signal aborts", async () => {
    shepherd.hang = true;
    const controller = new AbortController();
    const arrived = shepherd.nextRequest();

    const failure = reader.listVms({}, { signal: controller.signal });
    await arrived;
    controller.abort(new Error('The scheduler gave up the task'));

    await expect(failure).rejects.toThrow('The scheduler gave up the task');
    await expect(failure).rejects.not.toBeInstanceOf(ServiceUnavailableError);
  });
});
