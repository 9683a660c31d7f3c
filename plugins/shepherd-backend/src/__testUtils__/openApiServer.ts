import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import express from 'express';
import { createServer } from 'node:http';

/**
 * Serves `app` behind Backstage's OpenAPI proxy, which fails the test when a request or a
 * response does not conform to the spec, and returns the proxy's base URL for supertest.
 */
export async function startOpenApiCheckedServer(
  app: express.Express,
): Promise<string> {
  // The proxy forwards to `localhost` and resolves it as IPv6 whenever the port is taken on
  // ::1. Hosts whose /etc/hosts names only 127.0.0.1 as localhost then fail the lookup, so
  // the app listens on IPv4 loopback only.
  const ipv4OnlyApp = {
    listen: (port: number) => createServer(app).listen(port, '127.0.0.1'),
  } as unknown as express.Express;
  const server = await wrapServer(ipv4OnlyApp);
  // The wrapped server's address() is the proxy's URL, which supertest 7.3 no longer accepts
  // as a server address; a base URL string works with every version.
  return new URL(String(server.address())).origin;
}
