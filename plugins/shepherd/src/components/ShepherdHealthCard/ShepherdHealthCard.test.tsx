import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { ShepherdHealth } from '@kubevirt-shepherd/plugin-shepherd-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { shepherdApiRef } from '../../api/ShepherdApi';
import { ShepherdClient } from '../../api/ShepherdClient';
import {
  LATEST_MIGRATION_LABEL,
  ShepherdHealthCard,
} from './ShepherdHealthCard';

const HEALTH_URL = 'http://localhost:7007/api/shepherd/health';

const healthy: ShepherdHealth = {
  status: 'ok',
  checkedAt: '2026-11-23T10:00:00.000Z',
  version: '0.1.0',
  database: {
    status: 'ok',
    engine: 'sqlite',
    latencyMs: 0.4,
    migrations: {
      applied: 1,
      pending: 0,
      latest: '20261123000000_audit_logs.js',
    },
  },
  providers: [],
};

describe('ShepherdHealthCard', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  const client = new ShepherdClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: new MockFetchApi(),
  });

  function renderCard() {
    return renderInTestApp(
      <TestApiProvider apis={[[shepherdApiRef, client]]}>
        <ShepherdHealthCard />
      </TestApiProvider>,
    );
  }

  it('shows a healthy backend with its database, schema and providers', async () => {
    server.use(http.get(HEALTH_URL, () => HttpResponse.json(healthy)));

    await renderCard();

    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(screen.getByText('SQLite, answered in 0.4 ms')).toBeInTheDocument();
    expect(screen.getByText('1 applied, 0 pending')).toBeInTheDocument();
    // The latest migration's file name is folded under the counts until asked for.
    const latest = screen.getByText('20261123000000_audit_logs.js');
    expect(latest).not.toBeVisible();
    fireEvent.click(screen.getByText(LATEST_MIGRATION_LABEL));
    expect(latest).toBeVisible();
    expect(screen.getByText(/None installed/)).toBeInTheDocument();
    expect(screen.getByText('0.1.0')).toBeInTheDocument();
  });

  it('shows a degraded backend and why', async () => {
    server.use(
      http.get(HEALTH_URL, () =>
        HttpResponse.json(
          {
            ...healthy,
            status: 'degraded',
            database: {
              status: 'error',
              engine: 'postgres',
              message: 'The database query failed (ECONNREFUSED)',
            },
            providers: [{ type: 'kubevirt' }],
          },
          { status: 503 },
        ),
      ),
    );

    await renderCard();

    expect(await screen.findByText('Degraded')).toBeInTheDocument();
    expect(
      screen.getByText('PostgreSQL: The database query failed (ECONNREFUSED)'),
    ).toBeInTheDocument();
    expect(screen.getByText('kubevirt')).toBeInTheDocument();
  });

  it('shows the error when the backend refuses the request', async () => {
    server.use(
      http.get(HEALTH_URL, () =>
        HttpResponse.json(
          {
            error: {
              name: 'AuthenticationError',
              message: 'Missing credentials',
              code: 'UNAUTHENTICATED',
            },
            request: { method: 'GET', url: '/api/shepherd/health' },
            response: { statusCode: 401 },
          },
          { status: 401 },
        ),
      ),
    );

    await renderCard();

    expect(await screen.findByText('Missing credentials')).toBeInTheDocument();
    expect(screen.getByText('UNAUTHENTICATED')).toBeInTheDocument();
    expect(screen.getByText(/HTTP 401/)).toBeInTheDocument();
    expect(screen.queryByText('Healthy')).not.toBeInTheDocument();
  });

  it('checks again on demand', async () => {
    let calls = 0;
    server.use(
      http.get(HEALTH_URL, () => {
        calls += 1;
        return HttpResponse.json({ ...healthy, version: `0.1.${calls}` });
      }),
    );

    await renderCard();
    expect(await screen.findByText('0.1.1')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));

    await waitFor(() => expect(screen.getByText('0.1.2')).toBeInTheDocument());
  });
});
