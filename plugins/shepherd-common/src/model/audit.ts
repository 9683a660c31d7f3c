/**
 * The vocabulary of Shepherd's audit trail: every action the backend records, with how it is
 * reported to Backstage's auditor and how people see it. The action codes are the upstream
 * product's and must not change; the backend accepts no other.
 */

/** Groups of actions, as the upstream audit viewer's categories. @public */
export type AuditCategory =
  | 'Requests'
  | 'Approvals'
  | 'Resource changes'
  | 'Console sessions'
  | 'System tasks';

/** The severity levels of Backstage's auditor. @public */
export type AuditSeverity = 'low' | 'medium' | 'high' | 'critical';

/** What Shepherd says about one audit action. @public */
export interface AuditActionDefinition {
  category: AuditCategory;
  /** What it means, for people: the primary text wherever an entry is shown (the code is secondary). */
  label: string;
  /** How Backstage's auditor reports it: changes of who may do what, and of production's reach, are high. */
  severity: AuditSeverity;
  /** The auditor's event id (kebab-case, without the plugin id). */
  auditorEventId: string;
}

const request = (label: string): AuditActionDefinition => ({
  category: 'Requests',
  label,
  severity: 'medium',
  auditorEventId: 'request',
});

const change = (
  auditorEventId: string,
  label: string,
  severity: AuditSeverity = 'medium',
): AuditActionDefinition => ({
  category: 'Resource changes',
  label,
  severity,
  auditorEventId,
});

/**
 * Every audit action, by code.
 *
 * @public
 */
export const AUDIT_ACTION_DEFINITIONS = {
  'vm.request': request('VM requested'),
  'vm.modify': request('Resize requested'),
  'vm.delete_submitted': request('Deletion requested'),
  'vm.start': request('Start requested'),
  'vm.stop': request('Stop requested'),
  'vm.restart': request('Restart requested'),
  'vnc.access': request('Console access granted'),
  'vnc.access_requested': request('Console access requested'),
  'approval.approve': {
    category: 'Approvals',
    label: 'Approved',
    severity: 'high',
    auditorEventId: 'approval',
  },
  'approval.reject': {
    category: 'Approvals',
    label: 'Rejected',
    severity: 'medium',
    auditorEventId: 'approval',
  },
  'approval.cancel': {
    category: 'Approvals',
    label: 'Withdrawn',
    severity: 'medium',
    auditorEventId: 'approval',
  },
  'system.create': change('system-mutate', 'System created'),
  'system.update': change('system-mutate', 'System changed'),
  'system.delete_executed': change('system-mutate', 'System deleted'),
  'service.create': change('service-mutate', 'Service created'),
  'service.update': change('service-mutate', 'Service changed'),
  'service.delete_executed': change('service-mutate', 'Service deleted'),
  'member.add': change('member-mutate', 'Member added', 'high'),
  'member.update': change('member-mutate', 'Member role changed', 'high'),
  'member.remove': change('member-mutate', 'Member removed', 'high'),
  'namespace.create': change('catalog-mutate', 'Namespace created'),
  'namespace.update': change('catalog-mutate', 'Namespace changed'),
  'namespace.delete': change('catalog-mutate', 'Namespace deleted'),
  'cluster.register': change('cluster-mutate', 'Cluster registered', 'high'),
  'cluster.update': change('cluster-mutate', 'Cluster changed'),
  'cluster.credential_rotate': change(
    'cluster-mutate',
    'Cluster credentials rotated',
    'high',
  ),
  'cluster.delete': change('cluster-mutate', 'Cluster removed', 'high'),
  'template.create': change('catalog-mutate', 'Template created'),
  'template.update': change('catalog-mutate', 'Template changed'),
  'template.delete': change('catalog-mutate', 'Template deleted'),
  'instance_size.create': change('catalog-mutate', 'Instance size created'),
  'instance_size.update': change('catalog-mutate', 'Instance size changed'),
  'instance_size.delete': change('catalog-mutate', 'Instance size deleted'),
  'adoption.adopted': change('vm-adopt', 'VM adopted', 'high'),
  'adoption.rejected': change('vm-adopt', 'VM adoption rejected'),
  'vnc.session_started': {
    category: 'Console sessions',
    label: 'Console session started',
    severity: 'medium',
    auditorEventId: 'console-session',
  },
  'vnc.session_closed': {
    category: 'Console sessions',
    label: 'Console session ended',
    severity: 'medium',
    auditorEventId: 'console-session',
  },
  'execution.started': {
    category: 'System tasks',
    label: 'Work started',
    severity: 'medium',
    auditorEventId: 'provisioning',
  },
  'execution.completed': {
    category: 'System tasks',
    label: 'Work finished',
    severity: 'medium',
    auditorEventId: 'provisioning',
  },
  'execution.failed': {
    category: 'System tasks',
    label: 'Work failed',
    severity: 'medium',
    auditorEventId: 'provisioning',
  },
  // The reconciler: a run asked for by an administrator, and a run its breaker halted.
  'reconcile.run': {
    category: 'System tasks',
    label: 'Reconciliation run',
    severity: 'medium',
    auditorEventId: 'reconcile',
  },
  'reconcile.halted': {
    category: 'System tasks',
    label: 'Reconciliation halted',
    severity: 'high',
    auditorEventId: 'reconcile',
  },
} as const satisfies Record<string, AuditActionDefinition>;

/** The code of an audit action, e.g. `vm.request`. @public */
export type AuditAction = keyof typeof AUDIT_ACTION_DEFINITIONS;

/** Every audit action code, in the order of {@link AUDIT_ACTION_DEFINITIONS}. @public */
export const AUDIT_ACTIONS = Object.keys(
  AUDIT_ACTION_DEFINITIONS,
) as readonly AuditAction[];

/** What an audit entry can be about. @public */
export const AUDIT_RESOURCE_TYPES = [
  'system',
  'service',
  'member',
  'vm',
  'ticket',
  'namespace',
  'cluster',
  'template',
  'instance_size',
  'pending_adoption',
] as const;

/** @public */
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

/**
 * What each kind of audited resource is called, for people.
 *
 * @public
 */
export const AUDIT_RESOURCE_TYPE_LABELS: Readonly<
  Record<AuditResourceType, string>
> = {
  system: 'System',
  service: 'Service',
  member: 'Member',
  vm: 'VM',
  ticket: 'Request',
  namespace: 'Namespace',
  cluster: 'Cluster',
  template: 'Template',
  instance_size: 'Instance size',
  pending_adoption: 'VM to adopt',
};

/** The outcomes of an audited action. @public */
export const AUDIT_OUTCOMES = ['success', 'failure'] as const;

/** @public */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * The actor of what Shepherd does by itself (jobs, periodic tasks), as audit entries name it.
 *
 * @public
 */
export const SHEPHERD_SERVICE_ACTOR = 'service:shepherd';
