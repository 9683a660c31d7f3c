import { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { BEARER_SUBPROTOCOL_PREFIX } from '../constants';

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Bearer token authentication, as a token user in a kubeconfig does it: the
 * `Authorization` header, or — for browsers opening websockets — the token in a
 * `base64url.bearer.authorization.k8s.io.<token>` subprotocol.
 */
export function isAuthenticated(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return !!match && same(match[1].trim(), token);
  }
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map(p => p.trim());
  const carried = protocols.find(p => p.startsWith(BEARER_SUBPROTOCOL_PREFIX));
  if (!carried) return false;
  const decoded = Buffer.from(
    carried.slice(BEARER_SUBPROTOCOL_PREFIX.length),
    'base64url',
  ).toString('utf8');
  return same(decoded, token);
}
