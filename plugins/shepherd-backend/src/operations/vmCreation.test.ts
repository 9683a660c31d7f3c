import { mockServices } from '@backstage/backend-test-utils';
import {
  ApprovalDecision,
  Environment,
  ShepherdCluster,
  ShepherdInstanceSize,
  ShepherdTemplate,
  ShepherdTicket,
  VmSpec,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { randomUUID } from 'node:crypto';
import { FIXED_NOW } from '../__testUtils__/fixtures';
import {
  RecordingPreflight,
  RecordingRenderer,
  actor,
  describeOnEachDatabase,
  operationDependencies,
  TEST_INSTALLATION,
  refusalOf,
} from '../__testUtils__/operations';
import { PermanentJobError } from '../queue/JobWorker';
import { invalidInput } from '../service/errors';
import { vmCreation, vmDefinition } from './vmCreation';

const REQUESTER = actor('engineer-test');

/** A new System name of `length` characters (System names are unique). */
const systemName = (length: number) =>
  `s${randomUUID().replace(/-/g, '').slice(0, 8)}`.padEnd(length, 'x');
const APPROVER = actor('approver');

describe('vmCreation', () => {
  describeOnEachDatabase(bed => {
    let preflight: RecordingPreflight;
    let renderer: RecordingRenderer;
    let logger: ReturnType<typeof mockServices.logger.mock>;
    let creation: ReturnType<typeof vmCreation>;

    beforeEach(() => {
      const dependencies = operationDependencies(bed);
      ({ preflight, renderer, logger } = dependencies);
      creation = vmCreation(dependencies);
    });

    /**
     * A Service, a test and a prod namespace, a template, an overcommitted instance size and
     * clusters of each environment, all new (tests share the database).
     */
    async function world(
      options: {
        system?: { name?: string };
        service?: { name?: string; nextInstanceIndex?: number };
        namespace?: { name?: string };
        size?: Partial<ShepherdInstanceSize>;
      } = {},
    ) {
      const { fixtures } = bed;
      const system = await fixtures.system(options.system);
      const service = await fixtures.service(system, options.service);
      const namespace = await fixtures.namespace({
        environment: 'test',
        ...options.namespace,
      });
      const prodNamespace = await fixtures.namespace({ environment: 'prod' });
      const template = await fixtures.template();
      const size = await fixtures.instanceSize({
        cpuCores: 2,
        cpuRequest: 1,
        memoryGi: 4,
        memoryRequestGi: 4,
        diskGb: 20,
        ...options.size,
      });
      const cluster = await fixtures.cluster({
        environment: 'test',
        storageClasses: ['standard', 'fast'],
        defaultStorageClass: 'standard',
      });
      const prodCluster = await fixtures.cluster({ environment: 'prod' });
      return {
        system,
        service,
        namespace,
        prodNamespace,
        template,
        size,
        cluster,
        prodCluster,
      };
    }
    type World = Awaited<ReturnType<typeof world>>;

    function input(w: World, overrides: object = {}) {
      return {
        serviceId: w.service.id,
        namespace: w.namespace.name,
        templateId: w.template.id,
        instanceSizeId: w.size.id,
        reason: 'Load tests',
        ...overrides,
      };
    }

    async function prepare(w: World, overrides: object = {}) {
      const request = input(w, overrides);
      const target = await creation.loadTarget({
        operation: 'create',
        input: request,
      });
      return creation.prepare({ actor: REQUESTER, target, input: request });
    }

    /** A pending CREATE ticket of the world's Service, as submitting it stores it. */
    async function pendingTicket(
      w: World,
      options: {
        environment?: Environment;
        requestSpec?: Record<string, unknown>;
        serviceId?: string;
      } = {},
    ): Promise<ShepherdTicket> {
      const environment = options.environment ?? 'test';
      const namespace =
        environment === 'prod' ? w.prodNamespace.name : w.namespace.name;
      const { id } = await bed.fixtures.ticket(w.service, {
        environment,
        namespace,
        serviceId: options.serviceId ?? w.service.id,
        requester: REQUESTER.userEntityRef,
        reason: 'Load tests',
        requestSpec: options.requestSpec ?? {
          serviceId: w.service.id,
          namespace,
          templateId: w.template.id,
          instanceSizeId: w.size.id,
        },
      });
      return (await bed.store.tickets.get(id))!;
    }

    /** The requested spec of the world's size: limits 2 cores and 4 GiB, CPU overcommitted. */
    function requestedSpec(w: World): VmSpec {
      return {
        templateId: w.template.id,
        instanceSizeId: w.size.id,
        cpuCores: 2,
        cpuRequest: 1,
        memoryGi: 4,
        memoryRequestGi: 4,
        diskGb: 20,
      };
    }

    const vmNameOf = (w: World, index = '01') =>
      `${w.namespace.name}-${w.system.name}-${w.service.name}-${index}`;

    /** The index the next VM of the world's Service takes. */
    const nextInstanceIndexOf = async (w: World) =>
      (await bed.store.services.get(w.service.id))?.nextInstanceIndex;

    const vmCountOf = (w: World) =>
      bed.store.vms.count({ serviceId: w.service.id });

    async function approve(ticket: ShepherdTicket, decision: ApprovalDecision) {
      const { plan } = await creation.approval.plan(ticket, decision);
      return bed.context.execute(unit =>
        creation.approval.write(unit, {
          actor: APPROVER,
          ticket,
          plan,
          decidedAt: FIXED_NOW,
        }),
      );
    }

    describe('a request', () => {
      it('is for a Service and a namespace that exist', async () => {
        const w = await world();
        expect(
          await creation.loadTarget({ operation: 'create', input: input(w) }),
        ).toEqual({
          service: await bed.store.services.get(w.service.id),
          namespace: w.namespace,
        });
        expect(
          await refusalOf(
            creation.loadTarget({
              operation: 'create',
              input: input(w, { serviceId: randomUUID() }),
            }),
          ),
        ).toEqual({
          name: 'NotFoundError',
          code: 'NOT_FOUND',
          message: 'Service was not found',
        });
        expect(
          await refusalOf(
            creation.loadTarget({
              operation: 'create',
              input: input(w, { namespace: 'nowhere' }),
            }),
          ),
        ).toEqual({
          name: 'NotFoundError',
          code: 'NOT_FOUND',
          message: 'Namespace was not found',
        });
      });

      it('drafts its ticket: the request, the event payload, the audit action and the duplicate key', async () => {
        const w = await world();

        const prepared = await prepare(w, { reason: '  Load tests  ' });

        expect(prepared).toEqual({
          governed: 'CREATE',
          environment: 'test',
          ticket: {
            operation: 'CREATE',
            eventType: 'VM_CREATION_REQUESTED',
            target: [
              w.service.id,
              w.namespace.name,
              w.template.id,
              w.size.id,
              2,
              4,
              20,
            ].join(':'),
            reason: 'Load tests',
            environment: 'test',
            systemId: w.system.id,
            systemName: w.system.name,
            serviceId: w.service.id,
            serviceName: w.service.name,
            namespace: w.namespace.name,
            requestSpec: {
              serviceId: w.service.id,
              namespace: w.namespace.name,
              templateId: w.template.id,
              instanceSizeId: w.size.id,
            },
            payload: {
              requester: REQUESTER.userEntityRef,
              serviceId: w.service.id,
              serviceName: w.service.name,
              systemId: w.system.id,
              systemName: w.system.name,
              namespace: w.namespace.name,
              templateId: w.template.id,
              templateName: w.template.name,
              instanceSizeId: w.size.id,
              instanceSizeName: w.size.name,
              reason: 'Load tests',
              targetCpuCores: 2,
              targetMemoryGi: 4,
              targetDiskGb: 20,
            },
            auditAction: 'vm.request',
          },
        });
      });

      it('is a duplicate of another with the same effective shape, not of one with another shape', async () => {
        const w = await world();
        const plain = await prepare(w);

        const sameShape = await prepare(w, {
          targetCpuCores: 2,
          targetMemoryGi: 4,
          targetDiskGb: 20,
          reason: 'Another reason',
        });
        const biggerDisk = await prepare(w, { targetDiskGb: 40 });
        const moreCpu = await prepare(w, { targetCpuCores: 4 });

        expect(sameShape.ticket.target).toBe(plain.ticket.target);
        expect(biggerDisk.ticket.target).not.toBe(plain.ticket.target);
        expect(moreCpu.ticket.target).not.toBe(plain.ticket.target);
        expect(
          new Set([biggerDisk, moreCpu].map(p => p.ticket.target)).size,
        ).toBe(2);
        expect(biggerDisk.ticket.requestSpec).toEqual({
          ...plain.ticket.requestSpec,
          targetDiskGb: 40,
        });
        expect(moreCpu.ticket.payload).toMatchObject({
          targetCpuCores: 4,
          targetMemoryGi: 4,
          targetDiskGb: 20,
        });
      });

      it("is governed by its namespace's environment", async () => {
        const w = await world();

        const prepared = await prepare(w, { namespace: w.prodNamespace.name });

        expect(prepared).toMatchObject({
          governed: 'CREATE',
          environment: 'prod',
          ticket: {
            environment: 'prod',
            namespace: w.prodNamespace.name,
          },
        });
      });

      it('is refused, with a code and a message, when it breaks a rule', async () => {
        const w = await world();
        const { fixtures } = bed;
        const disabled = await fixtures.namespace({ enabled: false });
        const archived = await fixtures.template({ status: 'archived' });
        const draft = await fixtures.template({ status: 'draft' });
        const prodOnly = await fixtures.template({ catalogScope: 'prod' });
        const sizeDisabled = await fixtures.instanceSize({ enabled: false });
        const unclassified = await fixtures.instanceSize({
          catalogScope: 'unclassified',
        });
        const pinned = await fixtures.instanceSize({ dedicatedCpu: true });

        const cases: Array<[string, object]> = [
          ['a blank reason', { reason: '  ' }],
          ['no reason', { reason: undefined }],
          [
            'a blank reason for a disabled namespace',
            { reason: '', namespace: disabled.name },
          ],
          ['a disabled namespace', { namespace: disabled.name }],
          ['an unknown template', { templateId: randomUUID() }],
          ['an archived template', { templateId: archived.id }],
          ['an unknown size', { instanceSizeId: randomUUID() }],
          ['CPU off the steps', { targetCpuCores: 1.2 }],
          ['no memory', { targetMemoryGi: 0 }],
          ['no disk', { targetDiskGb: 0 }],
          ['a draft template', { templateId: draft.id }],
          ['a template of prod', { templateId: prodOnly.id }],
          ['a disabled size', { instanceSizeId: sizeDisabled.id }],
          ['an unclassified size', { instanceSizeId: unclassified.id }],
          [
            'half a dedicated core',
            { instanceSizeId: pinned.id, targetCpuCores: 2.5 },
          ],
        ];
        const refusals = [];
        for (const [what, overrides] of cases) {
          refusals.push([what, await refusalOf(prepare(w, overrides))]);
        }

        const reasonRequired = {
          name: 'InputError',
          code: 'VALIDATION_FAILED',
          message: 'Give a reason: approvers and the audit log need it',
        };
        const violation = (code: string, field: string, message: string) => ({
          name: 'InputError',
          code,
          message,
          details: { violations: [{ code, field, message }] },
        });
        expect(refusals).toEqual([
          ['a blank reason', reasonRequired],
          ['no reason', reasonRequired],
          ['a blank reason for a disabled namespace', reasonRequired],
          [
            'a disabled namespace',
            {
              name: 'InputError',
              code: 'NAMESPACE_DISABLED',
              message: `The namespace '${disabled.name}' does not take new VMs`,
            },
          ],
          [
            'an unknown template',
            {
              name: 'NotFoundError',
              code: 'NOT_FOUND',
              message: 'Template was not found',
            },
          ],
          [
            'an archived template',
            {
              name: 'NotFoundError',
              code: 'NOT_FOUND',
              message: 'Template was not found',
            },
          ],
          [
            'an unknown size',
            {
              name: 'NotFoundError',
              code: 'NOT_FOUND',
              message: 'Instance size was not found',
            },
          ],
          [
            'CPU off the steps',
            {
              name: 'InputError',
              code: 'RESOURCE_STEP_INVALID',
              message:
                'targetCpuCores must be a positive multiple of 0.5, got 1.2',
            },
          ],
          [
            'no memory',
            {
              name: 'InputError',
              code: 'RESOURCE_STEP_INVALID',
              message:
                'targetMemoryGi must be a positive multiple of 0.5, got 0',
            },
          ],
          [
            'no disk',
            violation(
              'RESOURCE_STEP_INVALID',
              'diskGb',
              'diskGb must be a whole number of GiB of at least 1, got 0',
            ),
          ],
          [
            'a draft template',
            violation(
              'TEMPLATE_NOT_ACTIVE',
              'templateId',
              `The template '${draft.name}' is draft; only active templates serve new VMs`,
            ),
          ],
          [
            'a template of prod',
            violation(
              'NOT_IN_CATALOG',
              'templateId',
              `The template '${prodOnly.name}' is not offered in test`,
            ),
          ],
          [
            'a disabled size',
            violation(
              'NOT_IN_CATALOG',
              'instanceSizeId',
              `The instance size '${sizeDisabled.name}' is not offered in test`,
            ),
          ],
          [
            'an unclassified size',
            violation(
              'NOT_IN_CATALOG',
              'instanceSizeId',
              `The instance size '${unclassified.name}' is not offered in test`,
            ),
          ],
          [
            'half a dedicated core',
            {
              name: 'InputError',
              code: 'RESOURCE_STEP_INVALID',
              message: `With the instance size '${pinned.name}', dedicated CPUs need whole cores, but the CPU request is 2.5`,
              details: {
                violations: [
                  expect.objectContaining({
                    code: 'RESOURCE_STEP_INVALID',
                    field: 'cpuRequest',
                  }),
                  expect.objectContaining({
                    code: 'RESOURCE_STEP_INVALID',
                    field: 'cpuCores',
                  }),
                ],
              },
            },
          ],
        ]);
      });
    });

    describe('planning an approval', () => {
      it("checks the approver's choices and refuses what no cluster can take, before the dry run", async () => {
        const w = await world();
        const ticket = await pendingTicket(w);
        const { fixtures } = bed;
        const disabled = await fixtures.cluster({ enabled: false });
        const unreachable = await fixtures.cluster({ status: 'UNREACHABLE' });
        const disabledProd = await fixtures.cluster({
          environment: 'prod',
          enabled: false,
        });
        const missingId = randomUUID();
        const spec = requestedSpec(w);

        const cases: Array<[string, ApprovalDecision]> = [
          ['no cluster', {}],
          ['an unknown cluster', { clusterId: missingId }],
          ['a cluster id of no shape', { clusterId: 'test-a' }],
          ['a prod cluster', { clusterId: w.prodCluster.id }],
          ['a disabled cluster', { clusterId: disabled.id }],
          ['an unreachable cluster', { clusterId: unreachable.id }],
          ['a disabled prod cluster', { clusterId: disabledProd.id }],
          [
            'an unknown storage class',
            { clusterId: w.cluster.id, storageClass: 'gold' },
          ],
          [
            'an unknown storage class in the spec',
            {
              clusterId: w.cluster.id,
              spec: { ...spec, storageClass: 'gold' },
            },
          ],
          [
            'a spec without its size',
            {
              clusterId: w.cluster.id,
              spec: { ...spec, instanceSizeId: undefined } as any,
            },
          ],
          [
            'a spec that moves the VM and drops its disk',
            {
              clusterId: w.cluster.id,
              spec: { ...spec, diskGb: undefined, namespace: 'prd' } as any,
            },
          ],
          [
            'a spec of an unknown template',
            {
              clusterId: w.cluster.id,
              spec: { ...spec, templateId: missingId },
            },
          ],
          [
            'a spec of an unknown size',
            {
              clusterId: w.cluster.id,
              spec: { ...spec, instanceSizeId: missingId },
            },
          ],
          [
            'a spec that requests more than its limit',
            { clusterId: w.cluster.id, spec: { ...spec, cpuRequest: 3 } },
          ],
        ];
        const refusals = [];
        for (const [what, decision] of cases) {
          refusals.push([
            what,
            await refusalOf(creation.approval.plan(ticket, decision)),
          ]);
        }

        expect(refusals).toEqual([
          [
            'no cluster',
            {
              name: 'InputError',
              code: 'CLUSTER_REQUIRED',
              message: 'Choose the cluster the VM will run on',
            },
          ],
          [
            'an unknown cluster',
            {
              name: 'InputError',
              code: 'CLUSTER_UNAVAILABLE',
              message: `There is no cluster ${missingId}`,
            },
          ],
          [
            'a cluster id of no shape',
            {
              name: 'InputError',
              code: 'CLUSTER_UNAVAILABLE',
              message: 'There is no cluster test-a',
            },
          ],
          [
            'a prod cluster',
            {
              name: 'InputError',
              code: 'CLUSTER_ENVIRONMENT_MISMATCH',
              message: `${w.prodCluster.name} is a prod cluster; the namespace is test`,
            },
          ],
          [
            'a disabled cluster',
            {
              name: 'ConflictError',
              code: 'CLUSTER_UNAVAILABLE',
              message: `${disabled.name} is disabled`,
            },
          ],
          [
            'an unreachable cluster',
            {
              name: 'ConflictError',
              code: 'CLUSTER_UNAVAILABLE',
              message: `${unreachable.name} is unreachable`,
            },
          ],
          [
            'a disabled prod cluster',
            {
              name: 'InputError',
              code: 'CLUSTER_ENVIRONMENT_MISMATCH',
              message: `${disabledProd.name} is a prod cluster; the namespace is test`,
            },
          ],
          [
            'an unknown storage class',
            {
              name: 'InputError',
              code: 'STORAGE_CLASS_UNKNOWN',
              message: `${w.cluster.name} has no storage class 'gold'`,
              details: { storageClasses: ['standard', 'fast'] },
            },
          ],
          [
            'an unknown storage class in the spec',
            {
              name: 'InputError',
              code: 'STORAGE_CLASS_UNKNOWN',
              message: `${w.cluster.name} has no storage class 'gold'`,
              details: { storageClasses: ['standard', 'fast'] },
            },
          ],
          [
            'a spec without its size',
            {
              name: 'InputError',
              code: 'MODIFIED_SPEC_INVALID',
              message:
                'The replacement spec must keep instanceSizeId; a replacement is complete, not a patch',
              details: {
                violations: [
                  {
                    code: 'MODIFIED_SPEC_INVALID',
                    field: 'instanceSizeId',
                    message:
                      'The replacement spec must keep instanceSizeId; a replacement is complete, not a patch',
                  },
                ],
              },
            },
          ],
          [
            'a spec that moves the VM and drops its disk',
            {
              name: 'InputError',
              code: 'FORBIDDEN_MODIFICATION',
              message: 'Approvers may not change namespace',
              details: {
                violations: [
                  {
                    code: 'FORBIDDEN_MODIFICATION',
                    field: 'namespace',
                    message: 'Approvers may not change namespace',
                  },
                  {
                    code: 'MODIFIED_SPEC_INVALID',
                    field: 'diskGb',
                    message:
                      'The replacement spec must keep diskGb; a replacement is complete, not a patch',
                  },
                ],
              },
            },
          ],
          [
            'a spec of an unknown template',
            {
              name: 'InputError',
              code: 'NOT_IN_CATALOG',
              message: 'Unknown template',
            },
          ],
          [
            'a spec of an unknown size',
            {
              name: 'InputError',
              code: 'NOT_IN_CATALOG',
              message: 'Unknown instance size',
            },
          ],
          [
            'a spec that requests more than its limit',
            {
              name: 'InputError',
              code: 'RESOURCE_REQUEST_EXCEEDS_LIMIT',
              message: 'The CPU request (3) exceeds the CPU cores (2)',
              details: {
                violations: [
                  {
                    code: 'RESOURCE_REQUEST_EXCEEDS_LIMIT',
                    field: 'cpuRequest',
                    message: 'The CPU request (3) exceeds the CPU cores (2)',
                  },
                ],
              },
            },
          ],
        ]);
        expect(preflight.calls).toEqual([]);
      });

      it('refuses a request whose instance size is gone since', async () => {
        const w = await world();
        const ticket = await pendingTicket(w, {
          requestSpec: {
            serviceId: w.service.id,
            namespace: w.namespace.name,
            templateId: w.template.id,
            instanceSizeId: randomUUID(),
          },
        });

        expect(
          await refusalOf(
            creation.approval.plan(ticket, { clusterId: w.cluster.id }),
          ),
        ).toEqual({
          name: 'ConflictError',
          code: 'NOT_IN_CATALOG',
          message:
            'The requested instance size no longer exists; reject the request',
        });
        expect(preflight.calls).toEqual([]);
      });

      it('asks the cluster to dry-run exactly the VM the approval would create', async () => {
        const w = await world({ service: { nextInstanceIndex: 7 } });
        const ticket = await pendingTicket(w);

        const planned = await creation.approval.plan(ticket, {
          clusterId: w.cluster.id,
          storageClass: 'fast',
        });

        const cluster = (await bed.store.clusters.get(w.cluster.id))!;
        const template = (await bed.store.templates.get(w.template.id))!;
        const size = (await bed.store.instanceSizes.get(w.size.id))!;
        const spec = { ...requestedSpec(w), storageClass: 'fast' };
        expect(planned).toEqual({
          plan: {
            vmId: expect.any(String),
            cluster,
            spec,
            replaced: false,
            templateSnapshot: template,
            instanceSizeSnapshot: size,
            warnings: [],
          },
          warnings: [],
        });
        expect(preflight.calls).toEqual([
          {
            check: 'create',
            cluster,
            definition: {
              name: vmNameOf(w, '07'),
              namespace: w.namespace.name,
              environment: 'test',
              systemName: w.system.name,
              serviceName: w.service.name,
              instance: '07',
              ticketId: ticket.id,
              installationId: TEST_INSTALLATION.id,
              vmId: planned.plan.vmId,
              template,
              instanceSize: size,
              spec,
              running: true,
            },
          },
        ]);
        // Planning writes nothing: the index is taken when the approval is written.
        expect(await nextInstanceIndexOf(w)).toBe(7);
      });

      it("gives the VM the cluster's default storage class when none is chosen", async () => {
        const w = await world();
        const ticket = await pendingTicket(w);

        const { plan } = await creation.approval.plan(ticket, {
          clusterId: w.cluster.id,
        });

        expect(plan.spec.storageClass).toBe('standard');
        expect(preflight.calls).toEqual([
          expect.objectContaining({
            definition: expect.objectContaining({
              spec: { ...requestedSpec(w), storageClass: 'standard' },
            }),
          }),
        ]);
      });

      it("replaces the requested spec whole: requests default to the spec's limits, nothing merged", async () => {
        const w = await world();
        const bigger = await bed.fixtures.instanceSize({
          cpuCores: 4,
          cpuRequest: 4,
          memoryGi: 8,
          memoryRequestGi: 8,
        });
        const ticket = await pendingTicket(w);
        const replacement = {
          templateId: w.template.id,
          instanceSizeId: bigger.id,
          cpuCores: 4,
          memoryGi: 8,
          diskGb: 40,
        } as VmSpec;

        const { plan } = await creation.approval.plan(ticket, {
          clusterId: w.cluster.id,
          storageClass: 'fast',
          spec: replacement,
        });

        expect(plan).toMatchObject({
          replaced: true,
          instanceSizeSnapshot: await bed.store.instanceSizes.get(bigger.id),
        });
        expect(plan.spec).toEqual({
          templateId: w.template.id,
          instanceSizeId: bigger.id,
          cpuCores: 4,
          cpuRequest: 4,
          memoryGi: 8,
          memoryRequestGi: 8,
          diskGb: 40,
          storageClass: 'fast',
        });
        // Two fields of the request are dropped: too few to be reported.
        expect(logger.warn).not.toHaveBeenCalled();
      });

      it('refuses a replacement that drops most of the requested spec before it could be reported', async () => {
        const w = await world();
        const ticket = await pendingTicket(w);

        const refusal = await refusalOf(
          creation.approval.plan(ticket, {
            clusterId: w.cluster.id,
            spec: {
              templateId: w.template.id,
              instanceSizeId: w.size.id,
            } as any,
          }),
        );

        expect(refusal).toMatchObject({
          code: 'MODIFIED_SPEC_INVALID',
          message:
            'The replacement spec must keep cpuCores; a replacement is complete, not a patch',
        });
        expect(
          (refusal.details?.violations as Array<{ field: string }>).map(
            v => v.field,
          ),
        ).toEqual(['cpuCores', 'memoryGi', 'diskGb']);
        expect(logger.warn).not.toHaveBeenCalled();
        expect(preflight.calls).toEqual([]);
      });

      it('warns about overcommit in prod, and only there', async () => {
        const w = await world();
        const prodTicket = await pendingTicket(w, { environment: 'prod' });
        const testTicket = await pendingTicket(w);

        const prod = await creation.approval.plan(prodTicket, {
          clusterId: w.prodCluster.id,
        });
        const test = await creation.approval.plan(testTicket, {
          clusterId: w.cluster.id,
        });

        const overcommit = [
          {
            code: 'OVERCOMMIT_IN_PROD',
            message:
              'CPU or memory is overcommitted (requests below limits) in a production environment',
          },
        ];
        expect(prod.warnings).toEqual(overcommit);
        expect(prod.plan.warnings).toEqual(overcommit);
        expect(test.warnings).toEqual([]);
        expect(preflight.calls.map(call => call.check)).toEqual([
          'create',
          'create',
        ]);
      });

      it('refuses the approval when the cluster refuses the dry run', async () => {
        const w = await world();
        const ticket = await pendingTicket(w);
        preflight.refuseWith(
          invalidInput('VALIDATION_FAILED', 'admission webhook said no'),
        );

        expect(
          await refusalOf(
            creation.approval.plan(ticket, { clusterId: w.cluster.id }),
          ),
        ).toEqual({
          name: 'InputError',
          code: 'VALIDATION_FAILED',
          message: 'admission webhook said no',
        });
      });

      it('leaves a VM it cannot name to the unit of work, without a dry run', async () => {
        const long = await world({
          system: { name: systemName(29) },
        });
        const longTicket = await pendingTicket(long);
        const gone = await world();
        const goneTicket = await pendingTicket(gone, {
          serviceId: randomUUID(),
        });

        await creation.approval.plan(longTicket, {
          clusterId: long.cluster.id,
        });
        await creation.approval.plan(goneTicket, {
          clusterId: gone.cluster.id,
        });

        expect(vmNameOf(long).length).toBe(51);
        expect(preflight.calls).toEqual([]);
      });
    });

    describe('the approval workbench', () => {
      it('previews the requested spec and every cluster, the eligible ones first', async () => {
        const w = await world();
        const { fixtures } = bed;
        const disabled = await fixtures.cluster({ enabled: false });
        const unreachable = await fixtures.cluster({ status: 'UNREACHABLE' });
        const ticket = await pendingTicket(w);
        const ours = new Set(
          [w.cluster, w.prodCluster, disabled, unreachable].map(c => c.id),
        );

        const preview = await creation.approval.preview!(ticket);

        const candidate = (
          cluster: ShepherdCluster,
          ineligible?: { reasonCode: string; reason: string },
        ) => ({
          id: cluster.id,
          name: cluster.name,
          displayName: cluster.displayName,
          environment: cluster.environment,
          status: cluster.status,
          enabled: cluster.enabled,
          storageClasses: cluster.storageClasses,
          defaultStorageClass: cluster.defaultStorageClass,
          eligible: !ineligible,
          ...ineligible,
        });
        expect(preview.effectiveSpec).toEqual(requestedSpec(w));
        expect(preview.warnings).toEqual([]);
        const candidates = preview.clusters!.filter(c => ours.has(c.id));
        // The eligible cluster comes first; the others in the registry's order.
        expect(candidates[0]).toEqual(candidate(w.cluster));
        expect(candidates).toHaveLength(4);
        expect(candidates).toEqual(
          expect.arrayContaining([
            candidate(w.prodCluster, {
              reasonCode: 'CLUSTER_ENVIRONMENT_MISMATCH',
              reason: `${w.prodCluster.name} is a prod cluster; the namespace is test`,
            }),
            candidate(disabled, {
              reasonCode: 'CLUSTER_UNAVAILABLE',
              reason: `${disabled.name} is disabled`,
            }),
            candidate(unreachable, {
              reasonCode: 'CLUSTER_UNAVAILABLE',
              reason: `${unreachable.name} is unreachable`,
            }),
          ]),
        );
        const eligibility = preview.clusters!.map(c => c.eligible);
        expect(eligibility).toEqual([...eligibility].sort().reverse());
      });

      it('previews the overcommit warning of a prod request', async () => {
        const w = await world();
        const ticket = await pendingTicket(w, { environment: 'prod' });

        const preview = await creation.approval.preview!(ticket);

        expect(preview.warnings!.map(warning => warning.code)).toEqual([
          'OVERCOMMIT_IN_PROD',
        ]);
      });

      it('previews only the clusters once the template or the size is gone', async () => {
        const w = await world();
        const ticket = await pendingTicket(w, {
          requestSpec: {
            serviceId: w.service.id,
            namespace: w.namespace.name,
            templateId: randomUUID(),
            instanceSizeId: w.size.id,
          },
        });

        const preview = await creation.approval.preview!(ticket);

        expect(preview).toEqual({ clusters: expect.any(Array) });
        expect(preview.clusters).toContainEqual(
          expect.objectContaining({ id: w.cluster.id, eligible: true }),
        );
      });

      it('renders the manifest of the VM the approval would create, writing nothing', async () => {
        const w = await world();
        const ticket = await pendingTicket(w);
        renderer.rendered = {
          provider: 'kubevirt',
          manifest: { kind: 'VirtualMachine' },
        };

        const manifest = await creation.approval.manifest!(ticket, {
          clusterId: w.cluster.id,
          storageClass: 'fast',
        });

        expect(manifest).toEqual({
          vmName: vmNameOf(w),
          provider: 'kubevirt',
          manifest: { kind: 'VirtualMachine' },
        });
        expect(renderer.calls).toEqual([
          {
            cluster: await bed.store.clusters.get(w.cluster.id),
            definition: expect.objectContaining({
              name: vmNameOf(w),
              instance: '01',
              ticketId: ticket.id,
              spec: { ...requestedSpec(w), storageClass: 'fast' },
              running: true,
            }),
          },
        ]);
        expect(preflight.calls).toEqual([]);
        expect(await nextInstanceIndexOf(w)).toBe(1);
        expect(await vmCountOf(w)).toBe(0);
      });

      it('names the VM even where no provider renders it', async () => {
        const w = await world();
        const ticket = await pendingTicket(w);

        expect(
          await creation.approval.manifest!(ticket, {
            clusterId: w.cluster.id,
          }),
        ).toEqual({
          vmName: vmNameOf(w),
          provider: undefined,
          manifest: undefined,
        });
      });

      it('renders no manifest for choices an approval would refuse, a name too long, or a Service gone', async () => {
        const w = await world();
        const ticket = await pendingTicket(w);
        const long = await world({
          system: { name: systemName(29) },
        });
        const longTicket = await pendingTicket(long);
        const goneTicket = await pendingTicket(w, { serviceId: randomUUID() });
        const refusalOfManifest = (
          ...args: Parameters<NonNullable<typeof creation.approval.manifest>>
        ) => refusalOf(creation.approval.manifest!(...args));

        expect(await refusalOfManifest(ticket, {})).toEqual({
          name: 'InputError',
          code: 'CLUSTER_REQUIRED',
          message: 'Choose the cluster the VM will run on',
        });
        expect(
          await refusalOfManifest(longTicket, { clusterId: long.cluster.id }),
        ).toEqual({
          name: 'InputError',
          code: 'VM_NAME_TOO_LONG',
          message: `The VM name '${vmNameOf(
            long,
          )}' would have 51 characters; at most 50 are allowed`,
        });
        expect(
          await refusalOfManifest(goneTicket, { clusterId: w.cluster.id }),
        ).toEqual({
          name: 'NotFoundError',
          code: 'NOT_FOUND',
          message: 'Service was not found',
        });
        expect(renderer.calls).toEqual([]);
      });
    });

    describe('writing an approval', () => {
      it('records the VM under its generated name with its first revision, and takes the index', async () => {
        const w = await world();
        const ticket = await pendingTicket(w);

        const written = await approve(ticket, {
          clusterId: w.cluster.id,
          storageClass: 'fast',
        });

        const spec = { ...requestedSpec(w), storageClass: 'fast' };
        const vmId = written.ticket!.vmId!;
        expect(written).toEqual({
          ticket: {
            clusterId: w.cluster.id,
            vmId: expect.any(String),
            vmName: vmNameOf(w),
            templateSnapshot: await bed.store.templates.get(w.template.id),
            instanceSizeSnapshot: await bed.store.instanceSizes.get(w.size.id),
            modifiedSpec: undefined,
          },
          clusterId: w.cluster.id,
          audit: {
            decision: 'approved',
            details: {
              clusterId: w.cluster.id,
              clusterName: w.cluster.name,
              vmName: vmNameOf(w),
              spec,
              specReplaced: false,
              warnings: [],
            },
          },
        });
        expect(await bed.store.vms.get(vmId)).toEqual({
          id: vmId,
          name: vmNameOf(w),
          namespace: w.namespace.name,
          environment: 'test',
          instance: '01',
          status: 'CREATING',
          systemId: w.system.id,
          systemName: w.system.name,
          serviceId: w.service.id,
          serviceName: w.service.name,
          clusterId: w.cluster.id,
          clusterName: w.cluster.name,
          ticketId: ticket.id,
          createdBy: REQUESTER.userEntityRef,
          ...spec,
          createdAt: FIXED_NOW,
          updatedAt: FIXED_NOW,
        });
        expect(await bed.store.revisions.listForVm(vmId)).toEqual([
          {
            id: expect.any(String),
            vmId,
            revision: 1,
            spec,
            changeReason: 'Load tests',
            changedBy: APPROVER.userEntityRef,
            ticketId: ticket.id,
            createdAt: FIXED_NOW,
          },
        ]);
        expect(await nextInstanceIndexOf(w)).toBe(2);
        // The approval's own event and audit row are the approval workbench's to write.
        expect(
          (
            await bed.store.audit.list({
              offset: 0,
              limit: 10,
              ticketId: ticket.id,
            })
          ).items,
        ).toEqual([]);
      });

      it("keeps an approver's replacement on the ticket and audits it with the plan's warnings", async () => {
        const w = await world();
        const ticket = await pendingTicket(w, { environment: 'prod' });
        const replacement = { ...requestedSpec(w), diskGb: 40 };

        const written = await approve(ticket, {
          clusterId: w.prodCluster.id,
          spec: replacement,
        });

        const spec = { ...replacement, storageClass: 'standard' };
        expect(written.ticket?.modifiedSpec).toEqual(spec);
        expect(written.audit.details).toMatchObject({
          spec,
          specReplaced: true,
          warnings: ['OVERCOMMIT_IN_PROD'],
        });
        expect((await bed.store.vms.get(written.ticket!.vmId!))?.diskGb).toBe(
          40,
        );
      });

      it('uses the last two-digit index, and refuses the Service once all are taken', async () => {
        const last = await world({ service: { nextInstanceIndex: 99 } });
        const lastTicket = await pendingTicket(last);
        const full = await world({ service: { nextInstanceIndex: 100 } });
        const fullTicket = await pendingTicket(full);

        const written = await approve(lastTicket, {
          clusterId: last.cluster.id,
        });
        const refusal = await refusalOf(
          approve(fullTicket, { clusterId: full.cluster.id }),
        );

        expect(written.ticket?.vmName).toBe(vmNameOf(last, '99'));
        expect(refusal).toEqual({
          name: 'ConflictError',
          code: 'INSTANCE_INDEX_EXHAUSTED',
          message: `The Service '${full.service.name}' has used all 99 VM indexes`,
        });
        expect(await nextInstanceIndexOf(full)).toBe(100);
        expect(await vmCountOf(full)).toBe(0);
      });

      it('allows VM names of 50 characters and refuses longer ones, writing nothing', async () => {
        const fits = await world({ system: { name: systemName(28) } });
        const fitsTicket = await pendingTicket(fits);
        const long = await world({ system: { name: systemName(29) } });
        const longTicket = await pendingTicket(long);

        const written = await approve(fitsTicket, {
          clusterId: fits.cluster.id,
        });
        const refusal = await refusalOf(
          approve(longTicket, { clusterId: long.cluster.id }),
        );

        expect(written.ticket?.vmName).toHaveLength(50);
        expect(refusal).toEqual({
          name: 'InputError',
          code: 'VM_NAME_TOO_LONG',
          message: `The VM name '${vmNameOf(
            long,
          )}' would have 51 characters; at most 50 are allowed`,
          details: {
            namespace: long.namespace.name,
            system: long.system.name,
            service: long.service.name,
          },
        });
        expect(await vmCountOf(long)).toBe(0);
        expect(await nextInstanceIndexOf(long)).toBe(1);
      });

      it('refuses a VM whose name is already taken in the namespace', async () => {
        const w = await world();
        const ticket = await pendingTicket(w);
        await bed.fixtures.vm(w.service, {
          name: vmNameOf(w),
          namespace: w.namespace.name,
        });

        const refusal = await refusalOf(
          approve(ticket, { clusterId: w.cluster.id }),
        );

        expect(refusal).toEqual({
          name: 'ConflictError',
          code: 'VM_STATE_CONFLICT',
          message: `A VM named ${vmNameOf(w)} already exists in ${
            w.namespace.name
          }`,
        });
        expect(await vmCountOf(w)).toBe(1);
        expect(await nextInstanceIndexOf(w)).toBe(1);
      });
    });
  });
});

describe('vmDefinition', () => {
  const template = { id: 'template' } as ShepherdTemplate;
  const instanceSize = { id: 'size' } as ShepherdInstanceSize;
  const vm = {
    id: 'vm',
    name: 'dev-shop-cart-01',
    namespace: 'dev',
    environment: 'test',
    systemName: 'shop',
    serviceName: 'cart',
    instance: '01',
    templateId: 'template',
    instanceSizeId: 'size',
    cpuCores: 4,
    cpuRequest: 2,
    memoryGi: 8,
    memoryRequestGi: 8,
    diskGb: 40,
    storageClass: 'fast',
    status: 'CREATING',
  } as Parameters<typeof vmDefinition>[0];

  it("applies the ticket's frozen template and size with the VM's own spec", () => {
    const ticket = {
      id: 'ticket',
      templateSnapshot: template,
      instanceSizeSnapshot: instanceSize,
    } as ShepherdTicket;

    expect(vmDefinition(vm, ticket, { id: 'installation' })).toEqual({
      name: 'dev-shop-cart-01',
      namespace: 'dev',
      environment: 'test',
      systemName: 'shop',
      serviceName: 'cart',
      instance: '01',
      ticketId: 'ticket',
      installationId: 'installation',
      vmId: vm.id,
      template,
      instanceSize,
      spec: {
        templateId: 'template',
        instanceSizeId: 'size',
        cpuCores: 4,
        cpuRequest: 2,
        memoryGi: 8,
        memoryRequestGi: 8,
        diskGb: 40,
        storageClass: 'fast',
      },
      running: true,
    });
  });

  it('fails for good without the snapshots', () => {
    const ticket = {
      id: 'ticket',
      templateSnapshot: template,
    } as ShepherdTicket;

    expect(() => vmDefinition(vm, ticket, { id: 'installation' })).toThrow(
      new PermanentJobError(
        'Ticket ticket has no template or instance size snapshot',
      ),
    );
  });
});
