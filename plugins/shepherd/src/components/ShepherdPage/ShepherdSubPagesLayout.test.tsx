import {
  shepherdClusterReadPermission,
  shepherdTicketApprovePermission,
} from '@kubevirt-shepherd/plugin-shepherd-common';
import { screen, waitFor, within } from '@testing-library/react';
import { aHealthReport, aPage } from '../../__testUtils__/fixtures';
import { renderShepherd } from '../../__testUtils__/renderShepherd';
import { OVERVIEW_TITLE } from '../../labels';
import { SHEPHERD_PAGES, relativePathOf } from '../../pages';
import { pageNotAllowedTitle } from './PageGate';
import { ShepherdSubPagesLayout } from './ShepherdSubPagesLayout';

/** The sub-pages as the new frontend system hands them over: one per registered page. */
const SUB_PAGES = SHEPHERD_PAGES.map(page => ({
  path: relativePathOf(page),
  title: page.title,
  element: <div>The {page.title} page</div>,
}));

const API = {
  getHealth: async () => aHealthReport(),
  listVms: async () => aPage([]),
  listTickets: async () => aPage([]),
  listSystems: async () => aPage([]),
};

describe('ShepherdSubPagesLayout (new frontend system)', () => {
  it('gives tabs only to the pages the user may use, and explains the others at their links', async () => {
    await renderShepherd(
      <ShepherdSubPagesLayout title="Virtual Machines" subPages={SUB_PAGES} />,
      {
        api: API,
        // Deciding requests and the cluster registry: approvals and admin, no audit log.
        permissions: {
          allowOnly: [
            shepherdClusterReadPermission,
            shepherdTicketApprovePermission,
          ],
        },
        path: '/shepherd/*',
        route: '/shepherd/audit',
      },
    );

    expect(
      await screen.findByText(
        pageNotAllowedTitle(SHEPHERD_PAGES.find(page => page.id === 'audit')!),
        { exact: false },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('The Audit log page')).not.toBeInTheDocument();
    // The app's page layout shows the tabs as links in its navigation.
    const tabs = within(screen.getByRole('navigation'));
    await waitFor(() =>
      expect(tabs.getAllByRole('link').map(tab => tab.textContent)).toEqual([
        OVERVIEW_TITLE,
        ...SHEPHERD_PAGES.filter(
          page =>
            !page.access || page.id === 'approvals' || page.id === 'admin',
        ).map(page => page.title),
      ]),
    );
  });
});
