import { SubRouteRef } from '@backstage/core-plugin-api';
import { Permission } from '@backstage/plugin-permission-common';
import {
  shepherdAuditReadPermission,
  shepherdTicketApprovePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { ADMIN_PERMISSIONS } from './components/admin/adminSections';
import { useApprovalsWaiting } from './components/approvals/approvalsWaiting';
import {
  ShepherdCapability,
  useShepherdCapabilities,
} from './components/common/capabilities';
import {
  Decision,
  anyAllowed,
  useShepherdPermission,
} from './components/common/permissions';
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
 * Who a page is for. The backend checks every request of the page again; this only spares
 * users a tab that would answer "not allowed".
 */
export type ShepherdPageAccess = (
  | {
      /** Basic permissions (asked without a resource): holding any of them opens the page. */
      anyOf: ReadonlyArray<Permission>;
    }
  | {
      /**
       * A capability the backend answers (see useShepherdCapabilities), for pages that
       * resource permissions open: holding it opens the page.
       */
      capability: ShepherdCapability;
    }
) & {
  /** Who the page is for, in words, for the panel that the others see: `for approvers`. */
  audience: string;
  /** What using the page takes, in words that name the permissions policies grant. */
  needs: string;
};

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
  /**
   * Who may use the page; its tab and overview entry are shown only to them, and a link to
   * it shows the others why it is closed. Pages without it list only what the user may see,
   * so they are of use to everyone.
   */
  access?: ShepherdPageAccess;
};

/** The id of the approval queue's page, whose tab counts the requests waiting. */
export const APPROVALS_PAGE_ID = 'approvals';

/** The id of the Admin page, whose users also see the backend's health on the overview. */
export const ADMIN_PAGE_ID = 'admin';

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
    id: APPROVALS_PAGE_ID,
    title: APPROVALS_TITLE,
    description:
      'For approvers: the requests waiting for a decision, oldest first; choose the cluster, approve or reject.',
    routeRef: approvalsRouteRef,
    loader: () =>
      import('./components/approvals').then(m => <m.ApprovalsPage />),
    access: {
      capability: 'decideRequests',
      audience: 'for approvers, who decide VM requests',
      needs: `Deciding requests takes the permission ${shepherdTicketApprovePermission.name}, which approvers and platform administrators hold.`,
    },
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
    access: {
      anyOf: [shepherdAuditReadPermission],
      audience: 'for auditors and platform administrators',
      needs: `Reading the audit trail of every System and cluster takes the permission ${shepherdAuditReadPermission.name}.`,
    },
  },
  {
    id: ADMIN_PAGE_ID,
    title: ADMIN_TITLE,
    description:
      'For platform administrators: the clusters, namespaces, OS templates and instance sizes behind every request.',
    routeRef: adminRouteRef,
    loader: () => import('./components/admin').then(m => <m.AdminPage />),
    access: {
      anyOf: ADMIN_PERMISSIONS,
      audience: 'for platform administrators',
      needs: `It takes one of the permissions ${ADMIN_PERMISSIONS.map(
        permission => permission.name,
      ).join(', ')}.`,
    },
  },
];

/** A page's path relative to the Shepherd page, e.g. `vms`. */
export function relativePathOf(page: ShepherdPageDefinition): string {
  return page.routeRef.path.replace(/^\//, '');
}

/** The permissions that open pages, each asked once. */
const PAGE_PERMISSIONS: ReadonlyArray<Permission> = [
  ...new Map(
    SHEPHERD_PAGES.flatMap(page =>
      page.access && 'anyOf' in page.access ? page.access.anyOf : [],
    ).map(permission => [permission.name, permission]),
  ).values(),
];

/**
 * Each page's tab title, given its (possibly retitled) `title`: the Approvals tab tells how
 * many requests wait for the user's decision, as a badge on a tab would.
 */
export function useShepherdTabTitles(
  /** The caller's page access (`useShepherdPageAccess`), asked once per component. */
  accessOf: (page: ShepherdPageDefinition) => Decision,
): (page: ShepherdPageDefinition | undefined, title: string) => string {
  const approvals = SHEPHERD_PAGES.find(page => page.id === APPROVALS_PAGE_ID)!;
  const waiting = useApprovalsWaiting(accessOf(approvals).allowed);
  return (page, title) =>
    page?.id === APPROVALS_PAGE_ID && waiting ? `${title} (${waiting})` : title;
}

/**
 * Whether the user may use each registered page: pages without `access` at once, the others
 * once the permission framework (or, for capabilities, the backend) has answered (loading
 * until then). A capability the backend could not answer keeps its page closed.
 */
export function useShepherdPageAccess(): (
  page: ShepherdPageDefinition,
) => Decision {
  const held = new Map(
    PAGE_PERMISSIONS.map(permission => [
      permission.name,
      // PAGE_PERMISSIONS is a module constant: the same hooks on every render.
      // eslint-disable-next-line react-hooks/rules-of-hooks
      useShepherdPermission(permission),
    ]),
  );
  const capabilities = useShepherdCapabilities({ requestVms: false });
  const capabilityDecision = (capability: ShepherdCapability): Decision => ({
    allowed: capabilities.value?.[capability] === true,
    loading: capabilities.loading,
  });
  return page => {
    if (!page.access) return { allowed: true, loading: false };
    if ('capability' in page.access) {
      return capabilityDecision(page.access.capability);
    }
    return anyAllowed(
      page.access.anyOf.map(permission => held.get(permission.name)!),
    );
  };
}
