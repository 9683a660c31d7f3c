import { TestDatabaseId } from '@backstage/backend-test-utils';
import { ShepherdTestDatabases } from '../../__testUtils__/testDatabases';
import { Entity } from '@backstage/catalog-model';
import {
  KubevirtSimulator,
  start as startSimulator,
} from '@kubevirt-shepherd/kubevirt-sim';
import shepherdModuleKubevirt from '@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt';
import {
  Environment,
  MemberRole,
  ShepherdService,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ShepherdApi, startShepherdApi } from '../../__testUtils__/apiHarness';
import { eventually } from '../../__testUtils__/eventually';
import { createForeignVm } from '../../__testUtils__/foreignVms';
import { MEDIUM_SIZE } from '../../__testUtils__/fixtures';
import { SIMULATED_CLUSTER_CONFIG } from '../../__testUtils__/simulatedCluster';
import { PERSONA_GROUPS, userRef } from '../../__testUtils__/testPolicy';
import { FuzzVocabulary } from './fuzzInputs';

/*
 * The world the fuzzer runs in: the real plugin with the real KubeVirt provider on a real
 * database, beside a simulated cluster, seeded with Systems of every kind of membership,
 * Services, namespaces, a template and a size, test and production clusters, running VMs,
 * pending tickets, a VM awaiting adoption and a reconciliation report.
 *
 * The plugin that serves the fuzzer runs no jobs and no watches, so that nothing but the
 * fuzzer's own requests writes to the database while it compares snapshots; a plugin with a
 * job worker seeds the world first, on the same database, and is stopped before.
 */

/** The table holding the records each path parameter (and body property) names. */
export const RECORD_TABLES: Record<string, string> = {
  systemId: 'systems',
  memberId: 'system_members',
  serviceId: 'services',
  auditLogId: 'audit_logs',
  vmId: 'vms',
  ticketId: 'tickets',
  namespaceId: 'namespaces',
  clusterId: 'clusters',
  templateId: 'templates',
  instanceSizeId: 'instance_sizes',
  reportId: 'reconcile_reports',
  adoptionId: 'pending_adoptions',
};

/** The catalog the registration endpoints read. */
const ENTITIES: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'billing', namespace: 'default' },
    spec: { owner: 'group:default/team-payments' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:default/team-payments',
      system: 'payments',
    },
  },
];

function worldConfig(jobConcurrency: number) {
  const { shepherd } = SIMULATED_CLUSTER_CONFIG;
  return {
    shepherd: {
      ...shepherd,
      jobs: { ...shepherd.jobs, concurrency: jobConcurrency },
      vmState: { watch: { enabled: false } },
      // Thousands of requests a minute per persona: limits would answer most of them 429
      // before the code behind runs. Their counts, which refused requests add to by design,
      // are tested on their own (routes/rateLimits.test.ts).
      rateLimits: { enabled: false },
    },
  };
}

async function expectStatus(
  what: string,
  response: { status: number; text: string },
  status: number,
) {
  if (response.status !== status) {
    throw new Error(`${what}: ${response.status} ${response.text}`);
  }
}

async function seedWorld(api: ShepherdApi, sim: KubevirtSimulator) {
  const { fixtures } = api;
  const system = (name: string, role: MemberRole, team = 'team-payments') =>
    fixtures.system({ name, members: [[`group:default/${team}`, role]] });
  const payments = await system('payments', 'owner');
  await fixtures.member(payments, userRef('viewer'), 'viewer');
  await system('ops', 'member');
  const reports = await system('reports', 'viewer');
  const logistics = await system('logistics', 'owner', 'team-logistics');
  const services: Record<string, ShepherdService> = {
    cart: await fixtures.service(payments, { name: 'cart' }),
    till: await fixtures.service(payments, { name: 'till' }),
    board: await fixtures.service(reports, { name: 'board' }),
    depot: await fixtures.service(logistics, { name: 'depot' }),
  };
  await fixtures.namespace({ name: 'dev', environment: 'test' });
  await fixtures.namespace({ name: 'prd', environment: 'prod' });
  const template = await fixtures.template({ name: 'fedora' });
  const size = await fixtures.instanceSize(MEDIUM_SIZE);

  const admin = api.as('platform-admin');
  const clusters = {} as Record<Environment, string>;
  for (const environment of ['test', 'prod'] as const) {
    const registered = await admin.post('/v1/admin/clusters').send({
      name: `sim-${environment}`,
      displayName: `Simulated ${environment} cluster`,
      environment,
      kubeconfig: sim.kubeconfig,
    });
    await expectStatus(`Registering sim-${environment}`, registered, 201);
    clusters[environment] = registered.body.item.id;
  }

  // Running VMs in both environments, made as requesters and approvers make them.
  const vmIds: string[] = [];
  for (const [requester, service, namespace, environment] of [
    ['engineer-test', services.cart, 'dev', 'test'],
    ['engineer-prod', services.till, 'prd', 'prod'],
  ] as const) {
    const requested = await api.as(requester).post('/v1/vms/requests').send({
      serviceId: service.id,
      namespace,
      templateId: template.id,
      instanceSizeId: size.id,
      reason: 'fuzzing world',
    });
    await expectStatus(`Requesting a VM of ${service.name}`, requested, 202);
    const approved = await api
      .as('approver')
      .post(`/v1/approval-tasks/${requested.body.ticketId}/approve`)
      .send({ clusterId: clusters[environment] });
    await expectStatus(`Approving a VM of ${service.name}`, approved, 200);
    vmIds.push(approved.body.ticket.vmId);
  }
  await eventually(async () => {
    for (const vmId of vmIds) {
      const vm = await api.store.vms.get(vmId);
      if (vm?.status !== 'RUNNING') {
        throw new Error(`VM ${vmId} is ${vm?.status}`);
      }
    }
  });

  // Pending tickets of every kind for the approval endpoints.
  const [, prodVm] = vmIds;
  await expectStatus(
    'Requesting a VM to approve',
    await api.as('engineer-test').post('/v1/vms/requests').send({
      serviceId: services.cart.id,
      namespace: 'dev',
      templateId: template.id,
      instanceSizeId: size.id,
      reason: 'to decide',
    }),
    202,
  );
  await expectStatus(
    'Requesting a stop in production',
    await api
      .as('engineer-prod')
      .post(`/v1/vms/${prodVm}/power`)
      .send({ action: 'stop', reason: 'to decide' }),
    202,
  );

  // A VM made behind Shepherd's back, awaiting adoption, and a reconciliation report.
  await createForeignVm(sim, 'dev', 'legacy-db');
  await expectStatus(
    'Discovering VMs to adopt',
    await admin.post('/v1/admin/pending-adoptions/discover').send({}),
    200,
  );
  await expectStatus(
    'Running the reconciler',
    await admin.post('/v1/admin/reconciler/runs').send({ mode: 'mark' }),
    200,
  );
}

export interface FuzzWorld {
  api: ShepherdApi;
  sim: KubevirtSimulator;
  /** Existing records and meaningful values by parameter name, read now. */
  vocabulary(): Promise<FuzzVocabulary>;
  stop(): Promise<void>;
}

/** Starts the simulated cluster and the plugin, and seeds the world. */
export async function startFuzzWorld(options: {
  databases: ShepherdTestDatabases;
  databaseId: TestDatabaseId;
}): Promise<FuzzWorld> {
  const sim = await startSimulator({
    timing: 'instant',
    vnc: false,
    name: 'sim-fuzz',
  });
  const knex = await options.databases.init(options.databaseId);
  const common = {
    ...options,
    knex,
    entities: ENTITIES,
    features: [shepherdModuleKubevirt],
    periodicTasksOnStartup: false,
  };
  const seeder = await startShepherdApi({ ...common, config: worldConfig(2) });
  try {
    await seedWorld(seeder, sim);
  } finally {
    await seeder.backend.stop();
  }
  const api = await startShepherdApi({ ...common, config: worldConfig(0) });

  const vocabulary = async (): Promise<FuzzVocabulary> => {
    const ids = async (table: string) =>
      (await knex(table).select('id').orderBy('id').limit(50)).map(row =>
        String(row.id),
      );
    const names = async (table: string) =>
      (await knex(table).select('name').orderBy('name').limit(50)).map(row =>
        String(row.name),
      );
    const entries = await Promise.all(
      Object.entries(RECORD_TABLES).map(
        async ([name, table]) => [name, await ids(table)] as const,
      ),
    );
    const personaRefs = Object.keys(PERSONA_GROUPS).map(userRef);
    const groupRefs = [...new Set(Object.values(PERSONA_GROUPS).flat())];
    const vmNames = await names('vms');
    const systemNames = await names('systems');
    return {
      ...Object.fromEntries(entries),
      namespace: await names('namespaces'),
      memberRef: [...personaRefs, ...groupRefs],
      requester: personaRefs,
      actor: personaRefs,
      entityRef: [
        'system:default/billing',
        'component:default/checkout',
        'system:default/payments',
      ],
      kubeconfig: [sim.kubeconfig],
      storageClass: ['standard'],
      confirm_name: [...systemNames, ...vmNames],
      confirmName: [...systemNames, ...vmNames],
      confirmVmName: vmNames,
    };
  };

  return {
    api,
    sim,
    vocabulary,
    stop: async () => {
      await api.backend.stop();
      await sim.close();
    },
  };
}
