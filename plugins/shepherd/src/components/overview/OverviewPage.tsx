import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  ADMIN_PAGE_ID,
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

export const WHERE_TO_GO_TITLE = 'Where to go';

/** The space between the cards of a column (the grid's own spacing). */
const CARD_STACK = { gap: 24 };

/**
 * The index of the Shepherd page: for administrators, what the platform still lacks; where
 * the user stands; for approvers, how many requests wait for them; where to go (the pages
 * the user may use); and, for those who may use the Admin page, the backend's health, which
 * only platform administrators can act on.
 */
export function OverviewPage() {
  const accessOf = useShepherdPageAccess();
  // Like the tabs: only the pages the user may use, each once the decision is known.
  const pages = SHEPHERD_PAGES.filter(page => accessOf(page).allowed);
  const waiting = useApprovalsWaiting(
    pages.some(page => page.id === APPROVALS_PAGE_ID),
  );
  const showsHealth = pages.some(page => page.id === ADMIN_PAGE_ID);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        {/* Spaced by a gap, so that a card with nothing to say leaves no space either. */}
        <Box display="flex" flexDirection="column" style={CARD_STACK}>
          <PlatformSetupCard />
          <GettingStartedCard />
        </Box>
      </Grid>
      <Grid item xs={12} md={5}>
        <Box display="flex" flexDirection="column" style={CARD_STACK}>
          {waiting !== undefined && <ApprovalsWaitingCard waiting={waiting} />}
          <InfoCard title={WHERE_TO_GO_TITLE}>
            <PageLinks pages={pages} />
          </InfoCard>
        </Box>
      </Grid>
      {showsHealth && (
        <Grid item xs={12} md={8} lg={6}>
          <ShepherdHealthCard />
        </Grid>
      )}
    </Grid>
  );
}
