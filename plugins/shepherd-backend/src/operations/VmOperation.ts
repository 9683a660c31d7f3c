import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  ApprovalDecision,
  ApprovalManifest,
  ApprovalManifestRequest,
  ApprovalPreview,
  Environment,
  GovernedOperation,
  OperationSubmission,
  SHEPHERD_RESOURCE_TYPES,
  ShepherdApiQuery,
  ShepherdApiRequestBody,
  ShepherdNamespace,
  ShepherdService,
  ShepherdTicket,
  ShepherdVm,
  ShepherdWarning,
  TicketOperation,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { VmOperationJob } from '../jobs/VmJobContext';
import { Actor } from '../service/Actor';
import { UnitOfWork } from '../service/GovernanceContext';
import { TicketDraft } from './submitTicket';
import { VmOperationHolder } from './vmOperationLock';

/**
 * What each VM operation takes from a requester, by the operation's name: its request body
 * (a deletion: its query) as the API contract defines it.
 */
export interface VmOperationInputs {
  create: ShepherdApiRequestBody<'RequestVm'>;
  delete: ShepherdApiQuery<'RequestVmDeletion'>;
  power: ShepherdApiRequestBody<'RequestVmPower'>;
  modify: ShepherdApiRequestBody<'RequestVmModification'>;
  console: ShepherdApiRequestBody<'RequestVmConsole'>;
}

/** The names of the VM operations. */
export type VmOperationName = keyof VmOperationInputs;

/** A VM being asked for: a Service wants one in a namespace. */
export interface NewVmTarget {
  service: ShepherdService;
  namespace: ShepherdNamespace;
}

/** What an operation acts on: an existing VM, or for `create` the VM being asked for. */
export type VmOperationTarget<N extends VmOperationName = VmOperationName> =
  N extends 'create' ? NewVmTarget : ShepherdVm;

/** A request for one operation, as the routes pass it on. */
export type VmOperationRequest<N extends VmOperationName = VmOperationName> = {
  [K in VmOperationName]: {
    operation: K;
    input: VmOperationInputs[K];
  } & (K extends 'create' ? {} : { vmId: string });
}[N];

/** A request that was checked: what the approval matrix decides on, and its ticket. */
export interface PreparedRequest {
  /** What the approval matrix calls it (a power request says which action). */
  governed: GovernedOperation;
  environment: Environment;
  /** The ticket submitted when an approver must decide. */
  ticket: TicketDraft;
}

/** The fields of an approval that only some operations take. */
export type DecisionField = Exclude<keyof ApprovalDecision, 'comment'>;

/** What the approval workbench shows besides the ticket. */
export type PreviewDetails = Partial<
  Pick<ApprovalPreview, 'effectiveSpec' | 'warnings' | 'clusters'>
>;

/** What an approval wrote, besides the ticket's decision and event, for the generic step to finish. */
export interface ApprovalWritten {
  /** Fields of the decided ticket that the operation sets (its VM, snapshots, …). */
  ticket?: Partial<ShepherdTicket>;
  /** The cluster whose queue the operation's job joins. */
  clusterId?: string;
  /** What the `approval.approve` audit row says: the decision and its details. */
  audit: { decision: string; details?: Record<string, unknown> };
}

/** The decision side of an operation: what an approver may choose, check and write. */
export interface OperationApproval<TPlan> {
  /** The fields of an approval this operation takes; any other is refused. */
  readonly decisionFields: readonly DecisionField[];
  /** What the approver sees besides the ticket (a ticket whose targets are gone shows none). */
  preview?(ticket: ShepherdTicket): Promise<PreviewDetails>;
  /** The manifest approving with these choices would apply, when the operation has one. */
  manifest?(
    ticket: ShepherdTicket,
    request: ApprovalManifestRequest,
  ): Promise<ApprovalManifest>;
  /**
   * Checks the approver's choices before the unit of work: it only reads, and asks the
   * cluster for its preflight, so no transaction waits on a cluster.
   */
  plan(
    ticket: ShepherdTicket,
    decision: ApprovalDecision,
  ): Promise<{ plan: TPlan; warnings: ShepherdWarning[] }>;
  /**
   * What approving writes, inside the unit of work that also decides the ticket, moves its
   * event on, queues the job and audits the approval. `vm` is the ticket's VM (404s of a VM
   * gone since the request are answered before this runs).
   */
  write(
    unit: UnitOfWork,
    approval: {
      actor: Actor;
      ticket: ShepherdTicket;
      vm?: ShepherdVm;
      plan: TPlan;
      decidedAt: string;
    },
  ): Promise<ApprovalWritten>;
}

/**
 * One VM operation, whole: how a request is checked and recorded, whether it waits for an
 * approver (the approval matrix, for every operation), what its approval writes and the job
 * that carries it out on the cluster. The requests service, the approval workbench and the
 * job dispatcher are generic over these; see docs/architecture.md, "Adding a VM operation".
 */
export interface VmOperation<N extends VmOperationName, TPlan = unknown> {
  readonly name: N;
  /** The ticket operation its requests are recorded as. */
  readonly ticketOperation: TicketOperation;
  /** What the approval matrix calls its requests (power: each action). */
  readonly governs: readonly GovernedOperation[];
  /** What the requester needs on the VM (for `create`: on the VM it asks for). */
  readonly permission: ResourcePermission<typeof SHEPHERD_RESOURCE_TYPES.vm>;
  /** The verb of a refusal of this request: "You may not {verb} {VM}". */
  verb(input: VmOperationInputs[N]): string;
  /** Finds what the request is for; 404 when it does not exist. */
  loadTarget(request: VmOperationRequest<N>): Promise<VmOperationTarget<N>>;
  /** Checks the request against its target. Nothing is written. */
  prepare(request: {
    actor: Actor;
    target: VmOperationTarget<N>;
    input: VmOperationInputs[N];
  }): Promise<PreparedRequest>;
  /**
   * Carries the request out in its own unit of work where the approval matrix needs no
   * approver; an operation without it always waits for one.
   */
  direct?(
    unit: UnitOfWork,
    request: {
      actor: Actor;
      target: VmOperationTarget<N>;
      input: VmOperationInputs[N];
      prepared: PreparedRequest;
    },
  ): Promise<OperationSubmission>;
  /**
   * Joins a request that repeats the operation already under way on its VM (a second restart
   * while the first is queued or running, where no approver is needed) rather than carrying
   * it out twice: writes what the request leaves (its audit row) and answers the operation it
   * joined. Undefined where the request does not repeat it: it is refused with
   * VM_OPERATION_IN_PROGRESS. An operation without it never joins.
   */
  join?(
    unit: UnitOfWork,
    request: {
      actor: Actor;
      target: VmOperationTarget<N>;
      input: VmOperationInputs[N];
      holder: VmOperationHolder;
    },
  ): Promise<OperationSubmission | undefined>;
  readonly approval: OperationApproval<TPlan>;
  /** The job that carries an approved (or direct) request out; none: approving completes it. */
  readonly job?: VmOperationJob;
}

/** Any VM operation. */
export type AnyVmOperation = {
  [N in VmOperationName]: VmOperation<N, any>;
}[VmOperationName];
