import { Progress, WarningPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Permission } from '@backstage/plugin-permission-common';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { ReactNode } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { adminSectionRouteRef } from '../../routes';
import {
  ADMIN_PERMISSIONS,
  ADMIN_SECTIONS,
  AdminSection,
} from './adminSections';
import { AdoptionSection } from './adoption';
import { ClustersSection } from './clusters';
import { InstanceSizesSection } from './instanceSizes';
import { NamespacesSection } from './namespaces';
import { ReconcilerSection } from './reconciler';
import { TemplatesSection } from './templates';
import { AdminAccess, useAdminAccess } from './useAdminAccess';

/** The title of the panel a user without the admin permissions sees. */
export const ADMIN_DENIED_TITLE = 'Only platform administrators can see this';

const SECTION_CONTENT: Record<AdminSection['id'], () => JSX.Element> = {
  clusters: () => <ClustersSection />,
  namespaces: () => <NamespacesSection />,
  templates: () => <TemplatesSection />,
  'instance-sizes': () => <InstanceSizesSection />,
  reconciler: () => <ReconcilerSection />,
  adoption: () => <AdoptionSection />,
};

function Denied(props: { permissions: ReadonlyArray<Permission> }) {
  return (
    <WarningPanel
      severity="info"
      title={ADMIN_DENIED_TITLE}
      message={`It needs the permission ${props.permissions
        .map(permission => permission.name)
        .join(' or ')}. Ask your platform team if you should have it.`}
    />
  );
}

function SectionTabs(props: {
  /** The open section; false when it is one the user may not open. */
  current: AdminSection['id'] | false;
  sections: ReadonlyArray<AdminSection>;
}) {
  const sectionLink = useRouteRef(adminSectionRouteRef);
  return (
    <Tabs
      value={props.current}
      indicatorColor="primary"
      aria-label="Admin sections"
    >
      {props.sections.map(section => (
        <Tab
          key={section.id}
          value={section.id}
          label={section.title}
          component={Link}
          to={sectionLink({ section: section.id })}
        />
      ))}
    </Tabs>
  );
}

function SectionView(props: { section: AdminSection; access: AdminAccess }) {
  const { section, access } = props;
  const allowed = access.sections.some(
    candidate => candidate.id === section.id,
  );
  let content: ReactNode;
  if (allowed) {
    content = SECTION_CONTENT[section.id]();
  } else {
    content = <Denied permissions={[section.permission]} />;
  }
  return (
    <>
      <SectionTabs
        current={allowed ? section.id : false}
        sections={access.sections}
      />
      <Box mt={2}>{content}</Box>
    </>
  );
}

function FirstSection(props: { access: AdminAccess }) {
  const sectionLink = useRouteRef(adminSectionRouteRef);
  const [first] = props.access.sections;
  if (!first) {
    return <Denied permissions={ADMIN_PERMISSIONS} />;
  }
  return <Navigate to={sectionLink({ section: first.id })} replace />;
}

/**
 * The admin catalogs of Shepherd: clusters, namespaces, templates, instance sizes and the
 * reconciler, one
 * section each at `admin/<section>` (adminSectionRouteRef). Users see the sections their
 * permissions open; without any admin permission the page says so. The backend checks every
 * request again.
 */
export function AdminPage() {
  const access = useAdminAccess();
  if (access.loading) {
    return <Progress />;
  }
  if (!access.any) {
    return <Denied permissions={ADMIN_PERMISSIONS} />;
  }
  return (
    <Routes>
      <Route index element={<FirstSection access={access} />} />
      {ADMIN_SECTIONS.map(section => (
        <Route
          key={section.id}
          path={section.id}
          element={<SectionView section={section} access={access} />}
        />
      ))}
      <Route path="*" element={<FirstSection access={access} />} />
    </Routes>
  );
}
