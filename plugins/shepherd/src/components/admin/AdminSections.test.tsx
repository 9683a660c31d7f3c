import {
  shepherdCatalogManagePermission,
  shepherdClusterReadPermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  AdminSection,
  renderAdminSection,
} from '../../__testUtils__/adminSections';
import {
  aCluster,
  aNamespace,
  aPage,
  aTemplate,
  anInstanceSize,
} from '../../__testUtils__/fixtures';
import { ShepherdApi } from '../../api/ShepherdApi';
import { ADMIN_DENIED_TITLE } from './AdminPage';
import {
  NO_CLUSTERS_TITLE,
  REGISTER_CLUSTER_LABEL,
} from './clusters/ClustersSection';
import {
  CREATE_INSTANCE_SIZE_LABEL,
  NO_INSTANCE_SIZES_TITLE,
} from './instanceSizes/InstanceSizesSection';
import {
  CREATE_NAMESPACE_LABEL,
  NO_NAMESPACES_TITLE,
} from './namespaces/NamespacesSection';
import {
  CREATE_TEMPLATE_LABEL,
  NO_TEMPLATES_TITLE,
} from './templates/TemplatesSection';

/*
 * What every admin section does alike: a progress bar while its list loads, a first-run
 * guide for an empty catalog, and the denial of a catalog to those who may not manage it.
 */

type SectionCase = {
  section: AdminSection;
  /** What the section lists, as its texts name it. */
  entries: string;
  /** The API method that lists the section's entries. */
  list: keyof ShepherdApi;
  /** The page size the section asks for. */
  limit: number;
  firstRun: { title: string; text: RegExp; action: string };
};

const SECTIONS: SectionCase[] = [
  {
    section: 'clusters',
    entries: 'clusters',
    list: 'listClusters',
    limit: 20,
    firstRun: {
      title: NO_CLUSTERS_TITLE,
      text: /service account on the cluster/,
      action: REGISTER_CLUSTER_LABEL,
    },
  },
  {
    section: 'instance-sizes',
    entries: 'sizes',
    list: 'listInstanceSizes',
    // Sizes are few and read in order: one page holds as many as the API allows.
    limit: 100,
    firstRun: {
      title: NO_INSTANCE_SIZES_TITLE,
      text: /in steps of 0.5 cores/,
      action: CREATE_INSTANCE_SIZE_LABEL,
    },
  },
  {
    section: 'namespaces',
    entries: 'namespaces',
    list: 'listAdminNamespaces',
    limit: 20,
    firstRun: {
      title: NO_NAMESPACES_TITLE,
      text: /part of every VM name/,
      action: CREATE_NAMESPACE_LABEL,
    },
  },
  {
    section: 'templates',
    entries: 'templates',
    list: 'listTemplates',
    limit: 20,
    firstRun: {
      title: NO_TEMPLATES_TITLE,
      text: /It starts as a draft/,
      action: CREATE_TEMPLATE_LABEL,
    },
  },
];

/** The catalog sections, which need shepherd.catalog.manage, with one entry each. */
const CATALOGS: Array<{
  section: AdminSection;
  list: keyof ShepherdApi;
  page: () => Promise<unknown>;
}> = [
  {
    section: 'instance-sizes',
    list: 'listInstanceSizes',
    page: async () => aPage([anInstanceSize()]),
  },
  {
    section: 'namespaces',
    list: 'listAdminNamespaces',
    page: async () => aPage([aNamespace()]),
  },
  {
    section: 'templates',
    list: 'listTemplates',
    page: async () => aPage([aTemplate()]),
  },
];

/** Sections whose entries can be disabled from their row, with one enabled entry. */
const TOGGLED: Array<{
  section: AdminSection;
  entry: { id: string; name: string };
  list: keyof ShepherdApi;
  update: keyof ShepherdApi;
}> = [
  {
    section: 'clusters',
    entry: aCluster(),
    list: 'listClusters',
    update: 'updateCluster',
  },
  {
    section: 'namespaces',
    entry: aNamespace(),
    list: 'listAdminNamespaces',
    update: 'updateNamespace',
  },
];

describe('Admin sections', () => {
  it.each(SECTIONS)(
    'shows a progress bar while the $entries load',
    async ({ section, list, limit }) => {
      const { api } = await renderAdminSection(section, {
        [list]: () => new Promise(() => {}),
      });

      expect(await screen.findByRole('progressbar')).toBeInTheDocument();
      expect(api[list]).toHaveBeenCalledWith({ offset: 0, limit });
    },
  );

  it.each(SECTIONS)(
    'guides the first of the $entries when there is none',
    async ({ section, list, firstRun }) => {
      await renderAdminSection(section, { [list]: async () => aPage([]) });

      expect(
        await screen.findByRole('heading', { name: firstRun.title }),
      ).toBeInTheDocument();
      expect(screen.getByText(firstRun.text)).toBeVisible();
      expect(
        screen.getAllByRole('button', { name: firstRun.action })[0],
      ).toBeEnabled();
    },
  );

  it.each(TOGGLED)(
    'disables an entry of $section from its row',
    async ({ section, entry, list, update }) => {
      const { api } = await renderAdminSection(section, {
        [list]: async () => aPage([entry]),
        [update]: async () => ({ ...entry, enabled: false }),
      });

      await userEvent.click(
        await screen.findByRole('button', { name: `Disable ${entry.name}` }),
      );

      expect(
        await screen.findByText(`${entry.name} is disabled.`),
      ).toBeVisible();
      expect(api[update]).toHaveBeenCalledWith(entry.id, { enabled: false });
    },
  );

  it.each(CATALOGS)(
    'denies $section without shepherd.catalog.manage',
    async ({ section, list, page }) => {
      const { api } = await renderAdminSection(
        section,
        { [list]: page },
        { allowOnly: [shepherdClusterReadPermission] },
      );

      expect(
        await screen.findByText(new RegExp(ADMIN_DENIED_TITLE)),
      ).toBeInTheDocument();
      expect(
        screen.getByText(new RegExp(shepherdCatalogManagePermission.name)),
      ).toBeInTheDocument();
      expect(api[list]).not.toHaveBeenCalled();
    },
  );
});
