import { InMemoryShepherdReader } from '../__testUtils__/InMemoryShepherdReader';
import { aMember, aService, aSystem, aVm } from '../__testUtils__/records';
import { readAllRecords, readChangedRecords } from './readRecords';

const ids = (items: Array<{ id: string }>) => items.map(item => item.id).sort();

/** The ids of the Systems, Services and VMs read. */
const idsOf = (records: {
  systems: Array<{ id: string }>;
  services: Array<{ id: string }>;
  vms: Array<{ id: string }>;
}) => ({
  systems: ids(records.systems),
  services: ids(records.services),
  vms: ids(records.vms),
});

describe('reading records', () => {
  const shop = aSystem({ name: 'shop' });
  const blog = aSystem({ name: 'blog' });
  const cart = aService(shop, { name: 'cart' });
  const search = aService(shop, { name: 'search' });
  const posts = aService(blog, { name: 'posts' });
  const cartVm = aVm(cart);
  const searchVm = aVm(search);
  const postsVm = aVm(posts);
  const shopOwner = aMember(shop, 'group:default/team-shop');
  const blogOwner = aMember(blog, 'user:default/carol');
  let reader: InMemoryShepherdReader;

  beforeEach(() => {
    reader = new InMemoryShepherdReader();
    reader.systems = [shop, blog];
    reader.members = [shopOwner, blogOwner];
    reader.services = [cart, search, posts];
    reader.vms = [cartVm, searchVm, postsVm];
  });

  describe('readAllRecords', () => {
    it('reads every System with its members, every Service and every VM', async () => {
      const records = await readAllRecords(reader);

      expect(idsOf(records)).toEqual({
        systems: ids([shop, blog]),
        services: ids([cart, search, posts]),
        vms: ids([cartVm, searchVm, postsVm]),
      });
      expect(records.members).toEqual(
        new Map([
          [shop.id, [shopOwner]],
          [blog.id, [blogOwner]],
        ]),
      );
    });

    it('reads the members of many Systems', async () => {
      reader.systems = Array.from({ length: 20 }, (_, index) =>
        aSystem({ name: `s${index}` }),
      );
      reader.members = reader.systems.map(system =>
        aMember(system, 'group:default/team'),
      );

      const records = await readAllRecords(reader);

      expect(records.members.size).toBe(20);
      for (const system of reader.systems) {
        expect(records.members.get(system.id)).toHaveLength(1);
      }
    });
  });

  describe('readChangedRecords', () => {
    it('reads a changed System with its members, Services and VMs', async () => {
      const { records, gone } = await readChangedRecords(reader, [
        { kind: 'system', id: shop.id, change: 'upserted' },
      ]);

      expect(gone).toEqual([]);
      expect(idsOf(records)).toEqual({
        systems: [shop.id],
        services: ids([cart, search]),
        vms: ids([cartVm, searchVm]),
      });
      expect(records.members).toEqual(new Map([[shop.id, [shopOwner]]]));
    });

    it('reads a changed Service with its VMs and its System', async () => {
      const { records } = await readChangedRecords(reader, [
        { kind: 'service', id: cart.id, change: 'upserted' },
      ]);

      expect(idsOf(records)).toEqual({
        systems: [shop.id],
        services: [cart.id],
        vms: [cartVm.id],
      });
      expect(records.members.get(shop.id)).toEqual([shopOwner]);
    });

    it('reads a changed VM with its Service and System', async () => {
      const { records } = await readChangedRecords(reader, [
        { kind: 'vm', id: postsVm.id, change: 'upserted' },
      ]);

      expect(idsOf(records)).toEqual({
        systems: [blog.id],
        services: [posts.id],
        vms: [postsVm.id],
      });
    });

    it('reads each record once however often it changed', async () => {
      const { records } = await readChangedRecords(reader, [
        { kind: 'vm', id: cartVm.id, change: 'upserted' },
        { kind: 'service', id: cart.id, change: 'upserted' },
        { kind: 'vm', id: cartVm.id, change: 'upserted' },
      ]);

      expect(idsOf(records)).toMatchObject({
        services: [cart.id],
        vms: [cartVm.id],
      });
    });

    it('counts removed records, and changed records that no longer exist, as gone', async () => {
      reader.vms = [cartVm];
      reader.services = [cart];
      reader.systems = [shop];

      const { records, gone } = await readChangedRecords(reader, [
        { kind: 'vm', id: searchVm.id, change: 'removed' },
        { kind: 'vm', id: postsVm.id, change: 'upserted' },
        { kind: 'service', id: posts.id, change: 'upserted' },
        { kind: 'system', id: blog.id, change: 'upserted' },
      ]);

      expect(gone).toEqual([
        `vm:${searchVm.id}`,
        `vm:${postsVm.id}`,
        `service:${posts.id}`,
        `system:${blog.id}`,
      ]);
      expect(records).toEqual({
        systems: [],
        services: [],
        vms: [],
        members: new Map(),
      });
    });
  });
});
