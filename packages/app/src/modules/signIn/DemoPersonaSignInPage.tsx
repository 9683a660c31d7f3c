import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  WarningPanel,
} from '@backstage/core-components';
import { IdentityApi } from '@backstage/core-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import {
  DEMO_PERSONA_HEADER,
  DEMO_PERSONA_PROVIDER_ID,
  DEMO_PERSONA_STORAGE_KEY,
  DemoPersona,
} from './personas';

function forgetPersonaOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      window.localStorage.removeItem(DEMO_PERSONA_STORAGE_KEY);
      await identity.signOut();
    },
  };
}

/** The backend's own explanation when there is one, not just the HTTP status. */
function describeSignInError(error: Error): string {
  const body = (error as { body?: { error?: { message?: unknown } } }).body;
  const message = body?.error?.message;
  return typeof message === 'string' ? message : error.message;
}

function PersonaPicker(props: {
  personas: DemoPersona[];
  onPick: (userName: string) => void;
  error?: Error;
}) {
  const { personas, onPick, error } = props;
  return (
    <Page themeId="home">
      <Header
        title="KubeVirt Shepherd"
        subtitle="Demo portal: choose who you are"
      />
      <Content>
        {error && (
          <WarningPanel title="Sign-in failed" defaultExpanded>
            {describeSignInError(error)}
          </WarningPanel>
        )}
        <Typography variant="body1" paragraph>
          This development portal signs you in as one of the product's personas.
          Each one is a user of the demo catalog with the groups that give it
          its role.
        </Typography>
        <Grid container spacing={3}>
          {personas.map(persona => (
            <Grid item key={persona.userName} xs={12} sm={6} md={4}>
              <InfoCard title={persona.title} subheader={persona.userName}>
                <Typography variant="body2" paragraph>
                  {persona.description ?? ' '}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => onPick(persona.userName)}
                  aria-label={`Sign in as ${persona.userName}`}
                >
                  Sign in
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}

/**
 * Sign-in for the development portal: pick a persona, then the demo-persona auth provider
 * issues a Backstage token for the catalog user of that name.
 */
export function DemoPersonaSignInPage(
  props: SignInPageProps & { personas: DemoPersona[] },
) {
  const { personas, onSignInSuccess } = props;
  const [persona, setPersona] = useState<string | null>(() =>
    window.localStorage.getItem(DEMO_PERSONA_STORAGE_KEY),
  );
  const [error, setError] = useState<Error>();

  const pick = useCallback((userName: string) => {
    window.localStorage.setItem(DEMO_PERSONA_STORAGE_KEY, userName);
    setError(undefined);
    setPersona(userName);
  }, []);

  const SignInFailed = useCallback(
    ({ error: signInError }: { error?: Error }) => (
      <PersonaPicker
        personas={personas}
        onPick={pick}
        error={signInError ?? new Error('Sign-in failed')}
      />
    ),
    [personas, pick],
  );

  if (!persona || !personas.some(p => p.userName === persona)) {
    return <PersonaPicker personas={personas} onPick={pick} error={error} />;
  }

  return (
    <ProxiedSignInPage
      key={persona}
      provider={DEMO_PERSONA_PROVIDER_ID}
      headers={{ [DEMO_PERSONA_HEADER]: persona }}
      onSignInSuccess={identity =>
        onSignInSuccess(forgetPersonaOnSignOut(identity))
      }
      ErrorComponent={SignInFailed}
    />
  );
}
