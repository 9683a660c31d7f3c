import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { ShepherdHealth } from '@kubevirt-shepherd/plugin-shepherd-common';
import express from 'express';
import request from 'supertest';
import { HealthService } from '../service/HealthService';
import { createRouter } from './createRouter';
import { startOpenApiCheckedServer } from '../__testUtils__/openApiServer';
import { routerOptionsForTests } from '../__testUtils__/routerOptions';

const healthyReport: ShepherdHealth = {
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
  providers: [{ type: 'kubevirt' }],
};

describe('createRouter', () => {
  let report: ShepherdHealth;
  const health: HealthService = { check: async () => report };

  async function startApp() {
    const router = await createRouter(routerOptionsForTests({ health }));
    return startOpenApiCheckedServer(
      express().use(router).use(mockErrorHandler()),
    );
  }

  beforeEach(() => {
    report = healthyReport;
  });

  describe('GET /health', () => {
    it('answers 200 with the report for a user', async () => {
      const response = await request(await startApp()).get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual(healthyReport);
    });

    it('answers 200 for a service caller', async () => {
      const response = await request(await startApp())
        .get('/health')
        .set('Authorization', mockCredentials.service.header());
      expect(response.status).toBe(200);
    });

    it('answers 503 with the report when a check fails', async () => {
      report = {
        ...healthyReport,
        status: 'degraded',
        database: {
          status: 'error',
          engine: 'postgres',
          message: 'The database query failed (ECONNREFUSED)',
        },
      };
      const response = await request(await startApp()).get('/health');
      expect(response.status).toBe(503);
      expect(response.body.database.message).toBe(
        'The database query failed (ECONNREFUSED)',
      );
    });

    it('rejects a caller without credentials', async () => {
      const response = await request(await startApp())
        .get('/health')
        .set('Authorization', mockCredentials.none.header());
      expect(response.status).toBe(401);
      expect(response.body.error.name).toBe('AuthenticationError');
    });
  });

  describe('error bodies', () => {
    const nodeEnv = process.env.NODE_ENV;
    afterEach(() => {
      process.env.NODE_ENV = nodeEnv;
    });

    /** The router behind the backend's own error handler, as in a development backend. */
    async function startDevelopmentApp(checkedHealth: HealthService) {
      process.env.NODE_ENV = 'development';
      const router = await createRouter(
        routerOptionsForTests({ health: checkedHealth }),
      );
      const backendErrors = MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      }).error();
      return express().use(router).use(backendErrors);
    }

    it('carry no stack trace, even in development', async () => {
      const app = await startDevelopmentApp({ check: async () => report });
      const response = await request(app).get('/v1/systems?limit=1000');
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        name: 'InputError',
        message: expect.stringContaining('limit'),
        code: 'VALIDATION_FAILED',
      });
    });

    it('answer a failure that is not the API own with INTERNAL_ERROR, its text only logged', async () => {
      const app = await startDevelopmentApp({
        check: async () => {
          throw Object.assign(
            new Error('select * from "systems" - connection terminated'),
            { code: '57P01' },
          );
        },
      });
      const response = await request(app).get('/health');
      expect(response.status).toBe(500);
      expect(response.body.error).toEqual({
        name: 'Error',
        message: expect.stringMatching(/^An internal error occurred/),
        code: 'INTERNAL_ERROR',
        details: { logId: expect.any(String) },
      });
      expect(JSON.stringify(response.body)).not.toMatch(/select|systems|57P01/);
    });
  });
});
