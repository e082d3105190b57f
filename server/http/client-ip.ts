/**
 * Facts about how a request reached us. The caller's IP address, for rate limits and audit hashes: The socket's peer, except when the
 * peer is a proxy on this machine (loopback): then the address that proxy appended to
 * `X-Forwarded-For` (the last entry; earlier ones are whatever the client claimed). Under
 * `app.request()` in tests there is no socket: the last `X-Forwarded-For` entry, else `unknown`.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

type NodeBindings = { incoming?: Pick<IncomingMessage, 'socket'> };

export function clientIp(c: Context): string {
  const env = c.env as (NodeBindings & { server?: NodeBindings }) | undefined;
  const peer = (env?.server ?? env)?.incoming?.socket?.remoteAddress;
  if (peer && !LOOPBACK.test(peer)) return peer;
  const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
  return forwarded || peer || 'unknown';
}

/** Behind a TLS-terminating proxy the request arrives as http with `X-Forwarded-Proto: https`. */
export function isTls(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}
