import { TabbedLayout } from '@backstage/core-components';
import { OVERVIEW_TITLE } from '../../labels';
import {
  SHEPHERD_PAGES,
  useShepherdPageAccess,
  useShepherdTabTitles,
} from '../../pages';
import { OverviewPage } from '../overview';
import { LazyPage } from './lazyPage';
import { PageGate } from './PageGate';

/**
 * The tabs and routes of the Shepherd page on the legacy frontend system: the overview at
 * the page's root, then every page of SHEPHERD_PAGES at its route. A page the user may not
 * use (or may not yet be known to be allowed) has no visible tab, so tabs only ever appear;
 * its route stays, so that a link to it explains instead of showing the overview.
 */
export function ShepherdTabs() {
  const accessOf = useShepherdPageAccess();
  const titleOf = useShepherdTabTitles(accessOf);
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title={OVERVIEW_TITLE}>
        <OverviewPage />
      </TabbedLayout.Route>
      {SHEPHERD_PAGES.map(page => {
        const access = accessOf(page);
        return (
          <TabbedLayout.Route
            key={page.id}
            path={page.routeRef.path}
            title={titleOf(page, page.title)}
            tabProps={access.allowed ? undefined : { hidden: true }}
          >
            <PageGate page={page} access={access}>
              <LazyPage page={page} />
            </PageGate>
          </TabbedLayout.Route>
        );
      })}
    </TabbedLayout>
  );
}
