import {
  TestDatabaseId,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  ShepherdCluster,
  ShepherdVm,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import {
  ShepherdVmDefinition,
  ShepherdVmResize,
} from '@kubevirt-shepherd/plugin-shepherd-node';
import { DatabaseShepherdStore } from '../database/DatabaseShepherdStore';
import { NewVm } from '../database/stores/vms/VmsStore';
import { OperationDependencies } from '../operations/OperationDependencies';
import { Actor } from '../service/Actor';
import { ApprovalPreflight } from '../service/approvals/ApprovalPreflight';
import {
  RenderedVmManifest,
  VmManifestRenderer,
} from '../service/approvals/VmManifestRenderer';
import { AuditRecorder } from '../service/audit/AuditRecorder';
import { GovernanceContext } from '../service/GovernanceContext';
import { ShepherdInstallation } from '../service/installation/ShepherdInstallation';
import { Fixtures } from './fixtures';
import { ManualClock } from './manualTime';
import { ShepherdTestDatabases, createTestDatabases } from './testDatabases';

/** The Shepherd installation of the tests' operations and jobs. */
export const TEST_INSTALLATION: ShepherdInstallation = {
  id: 'shepherd-test-installation',
};

/** What the cluster was asked to check before an approval. */
export type PreflightCall =
  | {
      check: 'create';
      cluster: ShepherdCluster;
      definition: ShepherdVmDefinition;
    }
  | { check: 'modify'; vm: ShepherdVm; resize: ShepherdVmResize };

/**
 * The cluster's side of an approval, as a test sees it: every check is recorded, and the
 * cluster accepts until told to refuse.
 */
export class RecordingPreflight implements ApprovalPreflight {
  readonly calls: PreflightCall[] = [];
  #refusal?: Error;

  /** Makes every later check fail with `error`, as a cluster that refuses the dry run. */
  refuseWith(error: Error) {
    this.#refusal = error;
  }

  async checkCreate(
    cluster: ShepherdCluster,
    definition: ShepherdVmDefinition,
  ) {
    this.calls.push({ check: 'create', cluster, definition });
    if (this.#refusal) throw this.#refusal;
  }

  async checkModify(vm: ShepherdVm, resize: ShepherdVmResize) {
    this.calls.push({ check: 'modify', vm, resize });
    if (this.#refusal) throw this.#refusal;
  }
}

/** A VM provider's renderer that records what it was asked to render. */
export class RecordingRenderer implements VmManifestRenderer {
  readonly calls: Array<{
    cluster: ShepherdCluster;
    definition: ShepherdVmDefinition;
  }> = [];

  /** What the next renderings answer; undefined: no provider for the cluster. */
  rendered?: RenderedVmManifest;

  render(cluster: ShepherdCluster, definition: ShepherdVmDefinition) {
    this.calls.push({ cluster, definition });
    return this.rendered;
  }
}

/** A signed-in user, e.g. `actor('approver')` for `user:default/approver`. */
export function actor(name: string): Actor {
  const userEntityRef = `user:default/${name}`;
  return {
    credentials: mockCredentials.user(userEntityRef),
    userEntityRef,
    ownershipEntityRefs: [userEntityRef],
  };
}

/**
 * What VM operations run on in their unit tests: a migrated database, and the real store and
 * GovernanceContext on it, with a clock that only moves when told. The ports to the cluster
 * ({@link RecordingPreflight}, {@link RecordingRenderer}) are made by each test.
 */
export async function startOperationsTestBed(
  databases: ShepherdTestDatabases,
  databaseId: TestDatabaseId,
) {
  const knex = await databases.initMigrated(databaseId);
  const store = new DatabaseShepherdStore(knex);
  const clock = new ManualClock();
  const logger = mockServices.logger.mock();
  const context = new GovernanceContext({
    store,
    auditRecorder: new AuditRecorder(
      mockServices.auditor.mock(),
      logger,
      clock.now,
    ),
    logger,
    clock: clock.now,
  });
  const fixtures = new Fixtures(store);
  /** The Service the suite's VMs and requests belong to, in a System of its own. */
  const service = await fixtures.service(await fixtures.system());

  /**
   * A VM of the suite's Service on a cluster of its own, as the store reads it back: 2 cores
   * (1 requested), 4 GiB (2 requested) and 20 GiB of disk unless overridden. Tests share the
   * database: each VM gets a name of its own.
   */
  async function vm(overrides: Partial<NewVm> = {}): Promise<ShepherdVm> {
    const cluster = await fixtures.cluster();
    const { id } = await fixtures.vm(service, {
      name: `vm-${randomUUID().slice(0, 8)}`,
      clusterId: cluster.id,
      ...overrides,
    });
    return (await store.vms.get(id))!;
  }

  return { knex, store, clock, context, fixtures, service, vm };
}

export type OperationsTestBed = Awaited<
  ReturnType<typeof startOperationsTestBed>
>;

/**
 * Declares `suite` once per supported database (`on 'SQLITE_3'`, …), with a test bed started
 * before the suite's own hooks run: the bed's fields are there from its `beforeAll` on.
 */
export function describeOnEachDatabase(
  suite: (bed: OperationsTestBed) => void,
) {
  const databases = createTestDatabases();
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    const bed = {} as OperationsTestBed;
    beforeAll(async () => {
      Object.assign(bed, await startOperationsTestBed(databases, databaseId));
    });
    suite(bed);
  });
}

/**
 * What an operation under test is built with: the bed's unit of work, and ports that record
 * what the operation asks of the cluster.
 */
export function operationDependencies(bed: OperationsTestBed) {
  return {
    context: bed.context,
    preflight: new RecordingPreflight(),
    renderer: new RecordingRenderer(),
    logger: mockServices.logger.mock(),
    installation: TEST_INSTALLATION,
  } satisfies OperationDependencies;
}

/** How a refused request answers: the error type, its code, message and details. */
export interface Refusal {
  name: string;
  code?: string;
  message: string;
  details?: Record<string, unknown>;
}

/** The refusal `work` ends with; fails the test when it succeeds instead. */
export async function refusalOf(work: Promise<unknown>): Promise<Refusal> {
  let outcome: unknown;
  try {
    outcome = await work;
  } catch (error) {
    const { name, code, message, details } = error as Error & {
      code?: string;
      details?: Record<string, unknown>;
    };
    return { name, code, message, ...(details && { details }) };
  }
  throw new Error(`Expected a refusal, got ${JSON.stringify(outcome)}`);
}
