import { SubRouteRef } from '@backstage/core-plugin-api';
import {
  ADMIN_TITLE,
  APPROVALS_TITLE,
  AUDIT_TITLE,
  MY_REQUESTS_TITLE,
  REQUEST_VM_TITLE,
  SYSTEMS_TITLE,
  VMS_TITLE,
} from './labels';
import {
  adminRouteRef,
  approvalsRouteRef,
  auditRouteRef,
  myRequestsRouteRef,
  requestVmRouteRef,
  systemsRouteRef,
  vmsRouteRef,
} from './routes';

/**
 * A page of the Shepherd plugin: a tab of the Shepherd page, a card on its overview, and in
 * apps on the new frontend system a `sub-page:shepherd/<id>` extension that adopters can
 * disable or retitle in app-config.
 */
export type ShepherdPageDefinition = {
  /** Stable id; the name of the page's extension. */
  id: string;
  /** The tab's title. */
  title: string;
  /** One sentence on the overview: what the page is for. */
  description: string;
  /** The page's route, a sub-route of the Shepherd root (src/routes.ts). */
  routeRef: SubRouteRef;
  /**
   * Loads the page's element lazily. The element renders the page's own nested routes
   * (details) and no page shell: the Shepherd page provides header, tabs and content area.
   */
  loader: () => Promise<JSX.Element>;
};

/**
 * The pages of the Shepherd page, in tab order after the overview. This list is the one
 * place to register a page: add a route ref to src/routes.ts and one entry here; the legacy
 * and the new-frontend-system entries, the tabs and the overview all follow.
 */
export const SHEPHERD_PAGES: ReadonlyArray<ShepherdPageDefinition> = [
  {
    id: 'vms',
    title: VMS_TITLE,
    description:
      'The virtual machines you may see: their status, resources and requests; start, stop, resize, delete, console.',
    routeRef: vmsRouteRef,
    loader: () => import('./components/vms').then(m => <m.VmsPage />),
  },
  {
    id: 'request-vm',
    title: REQUEST_VM_TITLE,
    description:
      'Ask for a new VM for a Service: namespace, operating system, size and reason; an approver picks the cluster.',
    routeRef: requestVmRouteRef,
    loader: () =>
      import('./components/requestVm').then(m => <m.RequestVmPage />),
  },
  {
    id: 'requests',
    title: MY_REQUESTS_TITLE,
    description:
      'Your requests and where they stand: waiting for an approver, being carried out, done, rejected or failed.',
    routeRef: myRequestsRouteRef,
    loader: () =>
      import('./components/requests').then(m => <m.MyRequestsPage />),
  },
  {
    id: 'approvals',
    title: APPROVALS_TITLE,
    description:
      'For approvers: the requests waiting for a decision, oldest first; choose the cluster, approve or reject.',
    routeRef: approvalsRouteRef,
    loader: () =>
      import('./components/approvals').then(m => <m.ApprovalsPage />),
  },
  {
    id: 'systems',
    title: SYSTEMS_TITLE,
    description:
      'The Systems and Services VMs belong to: create or register them from the catalog, manage members and roles.',
    routeRef: systemsRouteRef,
    loader: () => import('./components/systems').then(m => <m.SystemsPage />),
  },
  {
    id: 'audit',
    title: AUDIT_TITLE,
    description:
      'Who did what and when: every governance action and decision, with its outcome and details.',
    routeRef: auditRouteRef,
    loader: () => import('./components/audit').then(m => <m.AuditPage />),
  },
  {
    id: 'admin',
    title: ADMIN_TITLE,
    description:
      'For platform administrators: the clusters, namespaces, OS templates and instance sizes behind every request.',
    routeRef: adminRouteRef,
    loader: () => import('./components/admin').then(m => <m.AdminPage />),
  },
];

/** A page's path relative to the Shepherd page, e.g. `vms`. */
export function relativePathOf(page: ShepherdPageDefinition): string {
  return page.routeRef.path.replace(/^\//, '');
}
