/*
 * The words of the audit trail: the action codes and resource types the backend writes.
 * The API offers no list of them, so these are the ones the backend is known to write;
 * the filters still accept any other code, and entries show whatever the backend wrote.
 */

/** Groups of actions, as the upstream audit viewer's categories. */
export type AuditCategory =
  | 'Requests'
  | 'Approvals'
  | 'Resource changes'
  | 'System tasks';

export const AUDIT_ACTIONS: ReadonlyArray<{
  action: string;
  category: AuditCategory;
}> = [
  ...[
    'vm.request',
    'vm.modify',
    'vm.delete_submitted',
    'vm.start',
    'vm.stop',
    'vm.restart',
    'vnc.access',
    'vnc.access_requested',
  ].map(action => ({ action, category: 'Requests' as const })),
  ...['approval.approve', 'approval.reject', 'approval.cancel'].map(action => ({
    action,
    category: 'Approvals' as const,
  })),
  ...[
    'system.create',
    'system.update',
    'system.delete_executed',
    'service.create',
    'service.update',
    'service.delete_executed',
    'member.add',
    'member.update',
    'member.remove',
    'namespace.create',
    'namespace.update',
    'namespace.delete',
    'cluster.register',
    'cluster.update',
    'cluster.credential_rotate',
    'cluster.delete',
    'template.create',
    'template.update',
    'template.delete',
    'instance_size.create',
    'instance_size.update',
    'instance_size.delete',
  ].map(action => ({ action, category: 'Resource changes' as const })),
  ...['execution.started', 'execution.completed', 'execution.failed'].map(
    action => ({ action, category: 'System tasks' as const }),
  ),
];

/**
 * What the known actions mean, for pages that show an entry to people (a request's
 * timeline); the code stays beside the label, since support and the filters use it.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'vm.request': 'VM requested',
  'vm.modify': 'Resize requested',
  'vm.delete_submitted': 'Deletion requested',
  'vm.start': 'Start requested',
  'vm.stop': 'Stop requested',
  'vm.restart': 'Restart requested',
  'vnc.access': 'Console access granted',
  'vnc.access_requested': 'Console access requested',
  'approval.approve': 'Approved',
  'approval.reject': 'Rejected',
  'approval.cancel': 'Withdrawn',
  'execution.started': 'Execution started',
  'execution.completed': 'Execution completed',
  'execution.failed': 'Execution failed',
};

/** What an audit entry can be about. */
export const AUDIT_RESOURCE_TYPES: readonly string[] = [
  'system',
  'service',
  'member',
  'vm',
  'ticket',
  'namespace',
  'cluster',
  'template',
  'instance_size',
];

/** The outcomes of an audited action. */
export const AUDIT_OUTCOMES = ['success', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * An actor filter as the backend stores actors: entity refs, such as
 * `user:default/jane`, or `service:shepherd` for background work. A bare name means a user
 * of the default namespace; what has a colon is taken as typed.
 */
export function normalizeActor(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (trimmed.includes(':')) return trimmed;
  return trimmed.includes('/') ? `user:${trimmed}` : `user:default/${trimmed}`;
}
