import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { configApiRef, discoveryApiRef } from '@backstage/core-plugin-api';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { ShepherdSignInPage } from './ShepherdSignInPage';
import { DEMO_PERSONA_HEADER, DEMO_PERSONA_STORAGE_KEY } from './personas';

const personas = [
  { userName: 'engineer-test', title: 'Engineer (test)', description: 'Tests' },
  { userName: 'approver', title: 'Approver' },
];

/** A Backstage user token whose only claim that matters here is its expiry. */
const userToken = [
  'eyJhbGciOiJub25lIn0',
  Buffer.from(
    JSON.stringify({
      sub: 'user:default/engineer-test',
      exp: Math.floor(Date.now() / 1000) + 3600,
    }),
  ).toString('base64url'),
  'signature',
].join('.');

describe('ShepherdSignInPage', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    window.localStorage.clear();
  });
  afterAll(() => server.close());

  function renderPage(config: object, onSignInSuccess = jest.fn()) {
    return renderInTestApp(
      <TestApiProvider
        apis={[
          [configApiRef, mockApis.config({ data: config })],
          [
            discoveryApiRef,
            mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
          ],
        ]}
      >
        <ShepherdSignInPage onSignInSuccess={onSignInSuccess} />
      </TestApiProvider>,
    );
  }

  it('offers the demo personas in development and signs in as the chosen one', async () => {
    const requestedPersonas: Array<string | null> = [];
    server.use(
      http.get(
        'http://localhost:7007/api/auth/demo-persona/refresh',
        ({ request }) => {
          requestedPersonas.push(request.headers.get(DEMO_PERSONA_HEADER));
          return HttpResponse.json({
            profile: { displayName: 'Engineer (test)' },
            backstageIdentity: {
              token: userToken,
              identity: {
                type: 'user',
                userEntityRef: 'user:default/engineer-test',
                ownershipEntityRefs: ['user:default/engineer-test'],
              },
            },
          });
        },
      ),
    );
    const onSignInSuccess = jest.fn();
    renderPage(
      { auth: { environment: 'development' }, shepherdDemo: { personas } },
      onSignInSuccess,
    );

    expect(await screen.findByText('Engineer (test)')).toBeInTheDocument();
    expect(screen.getByText('Approver')).toBeInTheDocument();
    fireEvent.click(
      screen.getByRole('button', { name: 'Sign in as engineer-test' }),
    );

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(requestedPersonas).toEqual(['engineer-test']);
    expect(window.localStorage.getItem(DEMO_PERSONA_STORAGE_KEY)).toBe(
      'engineer-test',
    );

    const identity = onSignInSuccess.mock.calls[0][0];
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/engineer-test',
    );
    await identity.signOut();
    expect(window.localStorage.getItem(DEMO_PERSONA_STORAGE_KEY)).toBeNull();
  });

  it('shows why sign-in failed and lets the user pick again', async () => {
    server.use(
      http.get('http://localhost:7007/api/auth/demo-persona/refresh', () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotFoundError',
              message: 'User not found in the catalog',
            },
            request: { method: 'GET', url: '/demo-persona/refresh' },
            response: { statusCode: 404 },
          },
          { status: 404 },
        ),
      ),
    );
    renderPage({
      auth: { environment: 'development' },
      shepherdDemo: { personas },
    });

    fireEvent.click(
      await screen.findByRole('button', { name: 'Sign in as approver' }),
    );

    expect(
      await screen.findByText('Warning: Sign-in failed'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('User not found in the catalog'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Sign in as engineer-test' }),
    ).toBeInTheDocument();
  });

  it('never offers personas outside development', async () => {
    renderPage({
      app: { title: 'KubeVirt Shepherd' },
      auth: { environment: 'production' },
      shepherdDemo: { personas },
    });

    expect(await screen.findByText('GitHub')).toBeInTheDocument();
    expect(screen.queryByText('Engineer (test)')).not.toBeInTheDocument();
  });
});
