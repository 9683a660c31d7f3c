import { TabbedLayout } from '@backstage/core-components';
import { OVERVIEW_TITLE } from '../../labels';
import { SHEPHERD_PAGES } from '../../pages';
import { OverviewPage } from '../overview';
import { LazyPage } from './lazyPage';

/**
 * The tabs and routes of the Shepherd page on the legacy frontend system: the overview at
 * the page's root, then every page of SHEPHERD_PAGES at its route.
 */
export function ShepherdTabs() {
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title={OVERVIEW_TITLE}>
        <OverviewPage />
      </TabbedLayout.Route>
      {SHEPHERD_PAGES.map(page => (
        <TabbedLayout.Route
          key={page.id}
          path={page.routeRef.path}
          title={page.title}
        >
          <LazyPage page={page} />
        </TabbedLayout.Route>
      ))}
    </TabbedLayout>
  );
}
