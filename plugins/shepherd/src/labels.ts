/*
 * Words the Shepherd UI uses in more than one place; each is defined once here.
 */

/** The title of the Shepherd page, its sidebar item and the plugin. */
export const SHEPHERD_TITLE = 'Virtual Machines';

/** The subtitle of the legacy page header. */
export const SHEPHERD_SUBTITLE = 'KubeVirt Shepherd';

/** The tab of the Shepherd page's index. */
export const OVERVIEW_TITLE = 'Overview';

/** Tab titles of the registered pages; also used on the overview and in links. */
export const VMS_TITLE = 'VMs';
export const MY_REQUESTS_TITLE = 'My requests';
export const REQUEST_VM_TITLE = 'Request a VM';
export const APPROVALS_TITLE = 'Approvals';
export const SYSTEMS_TITLE = 'Systems & Services';
export const AUDIT_TITLE = 'Audit log';
export const ADMIN_TITLE = 'Admin';

/** What the UI says when an operation waits for an approver. */
export const SUBMITTED_FOR_APPROVAL = 'Submitted for approval';

/** Tooltip of an action the caller's permissions do not allow. */
export const NOT_PERMITTED = 'You do not have permission to do this';

/** Shown in place of a value the API left out. */
export const NOT_SET = '—';

/** The tab of Systems' and service Components' entity pages, and its card. */
export const ENTITY_VMS_TITLE = 'Virtual machines';
