import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  APPROVALS_PAGE_ID,
  SHEPHERD_PAGES,
  useShepherdPageAccess,
} from '../../pages';
import {
  ApprovalsWaitingCard,
  useApprovalsWaiting,
} from '../approvals/approvalsWaiting';
import { ShepherdHealthCard } from '../ShepherdHealthCard';
import { GettingStartedCard } from './GettingStartedCard';
import { PageLinks } from './PageLinks';
import { PlatformSetupCard } from './PlatformSetupCard';

/**
 * The index of the Shepherd page: for administrators, what the platform still lacks; where
 * the user stands; for approvers, how many requests wait for them; where to go (the pages
 * the user may use); and the backend's health.
 */
export function OverviewPage() {
  const accessOf = useShepherdPageAccess();
  // Like the tabs: only the pages the user may use, each once the decision is known.
  const pages = SHEPHERD_PAGES.filter(page => accessOf(page).allowed);
  const waiting = useApprovalsWaiting(
    pages.some(page => page.id === APPROVALS_PAGE_ID),
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <PlatformSetupCard />
        <Box mt={3}>
          <GettingStartedCard />
        </Box>
      </Grid>
      <Grid item xs={12} md={5}>
        {waiting !== undefined && (
          <Box mb={3}>
            <ApprovalsWaitingCard waiting={waiting} />
          </Box>
        )}
        <InfoCard title="Where to go">
          <PageLinks pages={pages} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8} lg={6}>
        <ShepherdHealthCard />
      </Grid>
    </Grid>
  );
}
