/**
 * The id of the Shepherd plugin: the backend serves its API under `/api/shepherd`, and every
 * package of the suite declares it as its `backstage.pluginId`.
 *
 * @public
 */
export const SHEPHERD_PLUGIN_ID = 'shepherd';

/**
 * The largest page the Shepherd API's lists serve (`limit`); readers that want every item
 * ask for pages of this size.
 *
 * @public
 */
export const SHEPHERD_MAX_PAGE_SIZE = 100;

/**
 * The value of the managed-by platform label on the Kubernetes objects Shepherd creates.
 *
 * @public
 */
export const SHEPHERD_MANAGER = 'kubevirt-shepherd';

/**
 * The platform labels the KubeVirt provider puts on every VM and its VMI template (and so on
 * the VM's virt-launcher pod) and on the namespaces it prepares; the catalog's VM entities
 * find a VM's Kubernetes objects by them.
 *
 * `installation` (the id of the Shepherd installation that created the object) and `vmId`
 * (the id of Shepherd's record of the VM) make an object Shepherd's: an object whose labels
 * do not name this installation and the expected VM record is never changed or deleted.
 *
 * @public
 */
export const SHEPHERD_PLATFORM_LABELS = {
  managedBy: 'kubevirt-shepherd.io/managed-by',
  environment: 'kubevirt-shepherd.io/environment',
  system: 'kubevirt-shepherd.io/system',
  service: 'kubevirt-shepherd.io/service',
  instance: 'kubevirt-shepherd.io/instance',
  ticketId: 'kubevirt-shepherd.io/ticket-id',
  installation: 'kubevirt-shepherd.io/installation',
  vmId: 'kubevirt-shepherd.io/vm-id',
} as const;

/**
 * The provider type of a cluster registered without one: KubeVirt, through
 * `@kubevirt-shepherd/plugin-shepherd-backend-module-kubevirt`.
 *
 * @public
 */
export const DEFAULT_VM_PROVIDER_TYPE = 'kubevirt';

/**
 * The response header of an audit export (GET /v1/audit-logs/export.csv) that says, `true`
 * or `false`, whether more entries matched than one export writes.
 *
 * @public
 */
export const SHEPHERD_AUDIT_EXPORT_TRUNCATED_HEADER =
  'X-Shepherd-Export-Truncated';

/**
 * What stands in for a secret in what Shepherd returns: values of secret-looking keys in
 * the audit trail, and cloud-init user data for callers who do not manage templates.
 *
 * @public
 */
export const SHEPHERD_REDACTED = '***REDACTED***';
