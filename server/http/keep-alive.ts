/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) is shorter than the idle
 * timeout of most proxies and HTTP clients' pools (undici keeps sockets for 4 s, proxies ~60 s): a
 * client can send a request on a socket at the very moment the server closes it, and gets
 * ECONNRESET for a POST it cannot safely retry. The server keeps idle sockets longer than its
 * clients, so they close first.
 */
import type { Server } from 'node:http';

export const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must exceed keepAliveTimeout, or a request arriving late on a kept socket is cut mid-headers.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}
