import { Content } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  BreadcrumbEntry,
  IconElement,
  PageLayout,
  PageLayoutProps,
  PageLayoutTab,
  swappableComponentsApiRef,
  useApiHolder,
} from '@backstage/frontend-plugin-api';
import { ComponentType, useMemo } from 'react';
import { Route, Routes } from 'react-router-dom';
import { OVERVIEW_TITLE } from '../../labels';
import {
  SHEPHERD_PAGES,
  ShepherdPageDefinition,
  relativePathOf,
  useShepherdPageAccess,
  useShepherdTabTitles,
} from '../../pages';
import { rootRouteRef } from '../../routes';
import { OverviewPage } from '../overview';
import { PageGate } from './PageGate';

/** A sub-page of the Shepherd page as the new frontend system hands it over. */
export type ShepherdSubPage = {
  /** Relative to the Shepherd page, e.g. `vms`. */
  path: string;
  title: string;
  element: JSX.Element;
};

/** The id of the overview's tab. */
const OVERVIEW_TAB_ID = 'overview';

/** The registered page a sub-page stands for (by path; adopters may retitle it), if any. */
function definitionOf(
  subPage: ShepherdSubPage,
): ShepherdPageDefinition | undefined {
  return SHEPHERD_PAGES.find(page => relativePathOf(page) === subPage.path);
}

/**
 * The app's page layout, resolved once per app. Rendering `<PageLayout>` asks the app's
 * SwappableComponentsApi for the implementation on every render, and its `getComponent`
 * answers a new component each time: every re-render of the layout (a tab's count changing)
 * would then mount the page below it afresh and lose what the person was doing, such as an
 * approver's half-written comment or a request just submitted.
 */
function useStablePageLayout(): ComponentType<PageLayoutProps> {
  const swappable = useApiHolder().get(swappableComponentsApiRef);
  return useMemo(
    () => (swappable ? swappable.getComponent(PageLayout.ref) : PageLayout),
    [swappable],
  );
}

/**
 * The Shepherd page on the new frontend system: the app's page layout with a tab per
 * sub-page, the overview at the page's root and each sub-page at its path. The app's
 * default page with sub-pages would send the root to the first tab; Shepherd keeps the
 * overview there, so links to /shepherd stay the overview. Registered pages the user may not
 * use have no tab, as on the legacy system (see ShepherdTabs).
 */
export function ShepherdSubPagesLayout(props: {
  title: string;
  icon?: IconElement;
  subPages: ShepherdSubPage[];
}) {
  const { title, icon, subPages } = props;
  const root = useRouteRef(rootRouteRef)();
  const base = root.replace(/\/$/, '');
  const Layout = useStablePageLayout();
  const accessOf = useShepherdPageAccess();
  const titleOf = useShepherdTabTitles(accessOf);
  const gated = subPages.map(page => {
    const definition = definitionOf(page);
    return {
      ...page,
      definition,
      access: definition
        ? accessOf(definition)
        : { allowed: true, loading: false },
    };
  });
  const tabs: PageLayoutTab[] = [
    { id: OVERVIEW_TAB_ID, label: OVERVIEW_TITLE, href: root },
    ...gated
      .filter(page => page.access.allowed)
      .map(page => ({
        id: page.path,
        label: titleOf(page.definition, page.title),
        href: `${base}/${page.path}`,
      })),
  ];
  return (
    <Layout title={title} icon={icon} titleLink={root} tabs={tabs}>
      <Routes>
        <Route
          index
          element={
            <Content>
              <OverviewPage />
            </Content>
          }
        />
        {gated.map(page => (
          <Route
            key={page.path}
            path={`${page.path}/*`}
            element={
              <BreadcrumbEntry
                entry={{ label: page.title, href: `${base}/${page.path}` }}
              >
                <Content>
                  {page.definition ? (
                    <PageGate page={page.definition} access={page.access}>
                      {page.element}
                    </PageGate>
                  ) : (
                    page.element
                  )}
                </Content>
              </BreadcrumbEntry>
            }
          />
        ))}
      </Routes>
    </Layout>
  );
}
