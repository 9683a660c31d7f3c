import { SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  githubAuthApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { DemoPersonaSignInPage } from './DemoPersonaSignInPage';
import { isDemoSignInEnabled, readDemoPersonas } from './personas';

/** GitHub sign-in in production; the persona picker in the development portal. */
export function ShepherdSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  if (isDemoSignInEnabled(configApi)) {
    return (
      <DemoPersonaSignInPage
        {...props}
        personas={readDemoPersonas(configApi)}
      />
    );
  }
  return (
    <SignInPage
      {...props}
      providers={[
        {
          id: 'github-auth-provider',
          title: 'GitHub',
          message: 'Sign in using GitHub',
          apiRef: githubAuthApiRef,
        },
      ]}
    />
  );
}
