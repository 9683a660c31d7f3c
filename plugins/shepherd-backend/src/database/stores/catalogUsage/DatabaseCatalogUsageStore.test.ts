import { TicketStatus } from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { TestDatabaseId } from '@backstage/backend-test-utils';
import { createMigratedStores } from '../../__testUtils__/migratedStores';

/** The tickets that count while a catalog entry is in use by unfinished requests. */
const UNFINISHED: TicketStatus[] = ['PENDING', 'APPROVED', 'EXECUTING'];

/** The spec of a VM of a template and an instance size, as tickets keep it. */
const specOf = (templateId: string, instanceSizeId: string) => ({
  templateId,
  instanceSizeId,
  cpuCores: 2,
  cpuRequest: 2,
  memoryGi: 4,
  memoryRequestGi: 4,
  diskGb: 20,
});

describe('DatabaseCatalogUsageStore', () => {
  const databases = createMigratedStores();

  async function createStore(databaseId: TestDatabaseId) {
    const { store, fixtures } = await databases.open(databaseId);
    const service = await fixtures.service(await fixtures.system());
    return { store, fixtures, service };
  }

  it.each(databases.eachSupportedId())(
    'counts the VMs and tickets in a namespace, tickets of the given statuses only, %p',
    async databaseId => {
      const { store, fixtures, service } = await createStore(databaseId);
      await fixtures.vm(service, { name: 'dev-a-b-01', namespace: 'dev' });
      await fixtures.vm(service, { name: 'dev-a-b-02', namespace: 'dev' });
      await fixtures.vm(service, { name: 'qa-a-b-01', namespace: 'qa' });
      await fixtures.ticket(service, { namespace: 'dev', status: 'PENDING' });
      await fixtures.ticket(service, { namespace: 'dev', status: 'REJECTED' });
      await fixtures.ticket(service, { namespace: 'qa', status: 'PENDING' });

      expect(await store.catalogUsage.ofNamespace('dev')).toEqual({
        vms: 2,
        tickets: 2,
      });
      expect(await store.catalogUsage.ofNamespace('dev', UNFINISHED)).toEqual({
        vms: 2,
        tickets: 1,
      });
      expect(
        await store.catalogUsage.ofNamespace('dev', ['SUCCESS', 'FAILED']),
      ).toEqual({ vms: 2, tickets: 0 });
      expect(await store.catalogUsage.ofNamespace('prd')).toEqual({
        vms: 0,
        tickets: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'counts the VMs and tickets on a cluster, %p',
    async databaseId => {
      const { store, fixtures, service } = await createStore(databaseId);
      const used = await fixtures.cluster();
      const other = await fixtures.cluster();
      await fixtures.vm(service, { name: 'dev-a-b-01', clusterId: used.id });
      await fixtures.vm(service, { name: 'dev-a-b-02', clusterId: other.id });
      await fixtures.vm(service, { name: 'dev-a-b-03' });
      await fixtures.ticket(service, { clusterId: used.id, status: 'SUCCESS' });
      await fixtures.ticket(service, {
        clusterId: used.id,
        status: 'EXECUTING',
      });
      await fixtures.ticket(service, { status: 'PENDING' });

      expect(await store.catalogUsage.ofCluster(used.id)).toEqual({
        vms: 1,
        tickets: 2,
      });
      expect(await store.catalogUsage.ofCluster(used.id, UNFINISHED)).toEqual({
        vms: 1,
        tickets: 1,
      });
      expect(await store.catalogUsage.ofCluster(randomUUID())).toEqual({
        vms: 0,
        tickets: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'finds a template in VMs and in what tickets requested, replaced or froze, %p',
    async databaseId => {
      const { store, fixtures, service } = await createStore(databaseId);
      const template = await fixtures.template();
      const other = await fixtures.template();
      const size = await fixtures.instanceSize();
      const spec = (templateId: string) => specOf(templateId, size.id);
      await fixtures.vm(service, {
        name: 'dev-a-b-01',
        templateId: template.id,
      });
      await fixtures.vm(service, { name: 'dev-a-b-02', templateId: other.id });
      await fixtures.ticket(service, {
        status: 'PENDING',
        requestSpec: { templateId: template.id, instanceSizeId: size.id },
      });
      await fixtures.ticket(service, {
        status: 'APPROVED',
        requestSpec: { templateId: other.id, instanceSizeId: size.id },
        modifiedSpec: spec(template.id),
      });
      await fixtures.ticket(service, {
        status: 'SUCCESS',
        requestSpec: { templateId: other.id, instanceSizeId: size.id },
        templateSnapshot: template,
      });
      // Names only the other template, and the size.
      await fixtures.ticket(service, {
        status: 'PENDING',
        requestSpec: { templateId: other.id, instanceSizeId: size.id },
        modifiedSpec: spec(other.id),
        templateSnapshot: other,
        instanceSizeSnapshot: size,
      });

      expect(await store.catalogUsage.ofTemplate(template.id)).toEqual({
        vms: 1,
        tickets: 3,
      });
      expect(
        await store.catalogUsage.ofTemplate(template.id, UNFINISHED),
      ).toEqual({ vms: 1, tickets: 2 });
      expect(await store.catalogUsage.ofTemplate(other.id)).toEqual({
        vms: 1,
        tickets: 3,
      });
      expect(await store.catalogUsage.ofTemplate(randomUUID())).toEqual({
        vms: 0,
        tickets: 0,
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'finds an instance size in VMs and in what tickets requested, replaced or froze, %p',
    async databaseId => {
      const { store, fixtures, service } = await createStore(databaseId);
      const template = await fixtures.template();
      const size = await fixtures.instanceSize();
      const other = await fixtures.instanceSize();
      const spec = (instanceSizeId: string) =>
        specOf(template.id, instanceSizeId);
      await fixtures.vm(service, {
        name: 'dev-a-b-01',
        instanceSizeId: size.id,
      });
      await fixtures.vm(service, {
        name: 'dev-a-b-02',
        instanceSizeId: size.id,
      });
      await fixtures.vm(service, {
        name: 'dev-a-b-03',
        instanceSizeId: other.id,
      });
      await fixtures.ticket(service, {
        status: 'REJECTED',
        requestSpec: { templateId: template.id, instanceSizeId: size.id },
      });
      await fixtures.ticket(service, {
        status: 'PENDING',
        requestSpec: { templateId: template.id, instanceSizeId: other.id },
        modifiedSpec: spec(size.id),
      });
      await fixtures.ticket(service, {
        status: 'EXECUTING',
        requestSpec: { templateId: template.id, instanceSizeId: other.id },
        instanceSizeSnapshot: size,
      });
      // Names the template only, and the other size.
      await fixtures.ticket(service, {
        status: 'PENDING',
        requestSpec: { templateId: template.id, instanceSizeId: other.id },
        templateSnapshot: template,
      });

      expect(await store.catalogUsage.ofInstanceSize(size.id)).toEqual({
        vms: 2,
        tickets: 3,
      });
      expect(
        await store.catalogUsage.ofInstanceSize(size.id, UNFINISHED),
      ).toEqual({ vms: 2, tickets: 2 });
      expect(await store.catalogUsage.ofInstanceSize(other.id)).toEqual({
        vms: 1,
        tickets: 3,
      });
    },
  );
});
