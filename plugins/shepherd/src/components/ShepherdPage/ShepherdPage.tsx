import { Header, Page } from '@backstage/core-components';
import { SHEPHERD_SUBTITLE, SHEPHERD_TITLE } from '../../labels';
import { ShepherdTabs } from './ShepherdTabs';

/** The Shepherd page for apps on the legacy frontend system, with its own page shell. */
export function ShepherdPage() {
  return (
    <Page themeId="tool">
      <Header title={SHEPHERD_TITLE} subtitle={SHEPHERD_SUBTITLE} />
      <ShepherdTabs />
    </Page>
  );
}
