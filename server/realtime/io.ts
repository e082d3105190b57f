/**
 * socket.io on the HTTP server's port: one room per outlet. A client joins with an acknowledgement
 * and gets a snapshot with the outlet's sequence; later events carry higher sequences.
 * With PostgreSQL, the Postgres adapter carries broadcasts to the clients of every server process.
 *
 * Who connects is settled once, in the handshake: a device by its token (`auth: { token }`), staff by
 * their session cookie; anyone else is anonymous and may not join an outlet (yet). A revoked device
 * is refused; a connected device sits in its own room, so revoking it drops its sockets at once.
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { parse as parseCookies } from 'hono/utils/cookie';
import pg from 'pg';
import { Server, type DefaultEventsMap, type ExtendedError, type Socket } from 'socket.io';
import { ERRORS, type ErrorCode } from '../../common/errors.ts';
import { followJoinRequest, joinOutletRequest, type ClientToServerEvents, type ServerToClientEvents } from '../../common/events.ts';
import type { Database } from '../../db/client.ts';
import { devices, outletSequences, outlets, tickets } from '../../db/schema.ts';
import { ANONYMOUS, type Principal } from '../auth/principal.ts';
import { deviceForToken, principalForSession, STAFF_COOKIE } from '../auth/sessions.ts';
import type { Clock } from '../clock.ts';
import { isDatabaseUnavailable } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { deviceRoom, outletRoom, sessionRoom } from './live.ts';
import { outletSnapshot } from './snapshot.ts';

export interface SocketData {
  principal: Principal;
}

export type LobbyIo = Server<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;
type LobbySocket = Socket<ClientToServerEvents, ServerToClientEvents, DefaultEventsMap, SocketData>;


export interface RealtimeDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Set with real PostgreSQL: events then reach the clients of every node. */
  databaseUrl?: string | undefined;
}

/** A refused handshake: the client's `connect_error` carries `err.message === code` and `err.data`. */
export function refusal(code: ErrorCode): ExtendedError {
  return Object.assign(new Error(code), { data: { code, message: ERRORS[code].zh, messageEn: ERRORS[code].en } });
}

function ackError(code: ErrorCode) {
  return { error: { code, message: ERRORS[code].zh } };
}

/**
 * The staff cookie counts only for a same-origin handshake: a page on another site could otherwise
 * open a socket with the browser's cookie (cross-site WebSocket hijacking).
 */
function sameOrigin(socket: LobbySocket): boolean {
  const origin = socket.handshake.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === socket.handshake.headers.host;
  } catch {
    return false;
  }
}

async function handshakePrincipal(socket: LobbySocket, deps: RealtimeDeps): Promise<Principal | ErrorCode> {
  const auth: unknown = socket.handshake.auth;
  const token = typeof auth === 'object' && auth !== null ? (auth as Record<string, unknown>).token : undefined;
  if (token !== undefined) {
    if (typeof token !== 'string' || token.length === 0 || token.length > 200) return 'unauthenticated';
    const device = await deviceForToken(deps.db, token);
    if (device === 'revoked') return 'device_revoked';
    return device ?? 'device_not_paired';
  }
  const cookie = socket.handshake.headers.cookie;
  if (cookie && sameOrigin(socket)) {
    const session = parseCookies(cookie, STAFF_COOKIE)[STAFF_COOKIE];
    if (session) {
      const resolved = await principalForSession(deps.db, STAFF_COOKIE, session, deps.clock.now());
      if (resolved) return resolved.principal;
    }
  }
  return ANONYMOUS;
}

/** Whether the identity the socket connected with still holds (the device is active, the session lives). */
async function stillValid(principal: Principal, deps: RealtimeDeps, cookie: string | undefined): Promise<boolean> {
  if (principal.kind === 'device') {
    const [row] = await deps.db.select({ status: devices.status }).from(devices).where(eq(devices.id, principal.deviceId));
    return row?.status === 'active';
  }
  if (principal.kind === 'staff') {
    const session = cookie ? parseCookies(cookie, STAFF_COOKIE)[STAFF_COOKIE] : undefined;
    return Boolean(session && (await principalForSession(deps.db, STAFF_COOKIE, session, deps.clock.now())));
  }
  return true;
}

/** Records when a device was last connected; at most once a minute per device. */
async function touchDevice(db: Database, deviceId: string, now: Date): Promise<void> {
  const minuteAgo = new Date(now.getTime() - 60_000);
  await db.update(devices).set({ lastSeenAt: now })
    .where(and(eq(devices.id, deviceId), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, minuteAgo))));
}

export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): { io: LobbyIo; close(): Promise<void> } {
  const io: LobbyIo = new Server(httpServer, { serveClient: false, cors: { origin: false } });
  let pool: pg.Pool | undefined;
  if (deps.databaseUrl) {
    pool = new pg.Pool({ connectionString: deps.databaseUrl, max: 4 });
    pool.on('error', (error) => deps.logger.warn({ err: error }, 'socket.io adapter pool error'));
    // The adapter keeps one client checked out for LISTEN without an 'error' listener: a lost database
    // connection would be an unhandled 'error' event that ends the process. And a dead client that is
    // never released keeps its place in the pool, so after an outage `pg_notify` would wait for a free
    // client for ever — and the adapter broadcasts locally only after publishing: every live event
    // would stop. So a client that fails is released with its error (the pool drops it); the adapter
    // sees it end and listens again on a fresh one.
    const checkedOut = new WeakSet<pg.PoolClient>();
    pool.on('acquire', (client) => checkedOut.add(client));
    pool.on('release', (_error, client) => checkedOut.delete(client));
    pool.on('connect', (client) => {
      client.on('error', (error) => {
        deps.logger.warn({ err: error }, 'socket.io adapter connection lost');
        if (checkedOut.has(client)) client.release(error);
      });
    });
    io.adapter(createAdapter(pool, { errorHandler: (error) => deps.logger.warn({ err: error }, 'socket.io adapter error') }));
  }

  io.use(async function authenticateSocket(socket, next) {
    try {
      const principal = await handshakePrincipal(socket, deps);
      if (typeof principal === 'string') return next(refusal(principal));
      socket.data.principal = principal;
      next();
    } catch (error) {
      deps.logger.error({ err: error }, 'socket.io handshake failed');
      next(refusal(isDatabaseUnavailable(error) ? 'database_unavailable' : 'internal'));
    }
  });

  io.on('connection', (socket) => {
    const principal = socket.data.principal;

    // Listeners first, synchronously: a client may emit the moment it is connected.
    socket.on('outlet:join', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = joinOutletRequest.safeParse(request);
      if (!parsed.success) return ack({ error: { code: 'validation_failed', message: 'outletId is required' } });
      const outletId = parsed.data.outletId;
      if (principal.kind === 'anonymous' || principal.kind === 'citizen') return ack(ackError('unauthenticated'));
      if (principal.kind === 'device' && principal.outletId !== outletId) return ack(ackError('forbidden'));
      if (principal.kind === 'staff' && !principal.outletIds.includes(outletId)) return ack(ackError('forbidden'));
      try {
        const [outlet] = await deps.db.select({ id: outlets.id }).from(outlets).where(eq(outlets.id, outletId));
        if (!outlet) return ack(ackError('not_found'));
        // Join before reading, so no event committed after the snapshot can be missed.
        await socket.join(outletRoom(outlet.id));
        ack({ data: await outletSnapshot(deps.db, outlet.id, deps.clock.now()) });
      } catch (error) {
        deps.logger.error({ err: error }, 'outlet:join failed');
        ack(ackError(isDatabaseUnavailable(error) ? 'database_unavailable' : 'internal'));
      }
    });

    socket.on('outlet:snapshot', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = joinOutletRequest.safeParse(request);
      if (!parsed.success) return ack({ error: { code: 'validation_failed', message: 'outletId is required' } });
      // Only for a room this socket is in: joining is where access is checked.
      if (!socket.rooms.has(outletRoom(parsed.data.outletId))) return ack(ackError('forbidden'));
      try {
        ack({ data: await outletSnapshot(deps.db, parsed.data.outletId, deps.clock.now()) });
      } catch (error) {
        deps.logger.error({ err: error }, 'outlet:snapshot failed');
        ack(ackError(isDatabaseUnavailable(error) ? 'database_unavailable' : 'internal'));
      }
    });

    // A phone following its ticket: the random token from the ticket's QR code is its only credential,
    // and what the room carries is public (numbers and counters), so anyone holding one may listen.
    socket.on('follow:join', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = followJoinRequest.safeParse(request);
      if (!parsed.success) return ack({ error: { code: 'validation_failed', message: 'token is required' } });
      // Tokens are base64url; anything else (a U+0000 was an `internal` from the database) matches no ticket.
      if (!/^[\w-]+$/.test(parsed.data.token)) return ack(ackError('ticket_not_found'));
      try {
        const [ticket] = await deps.db.select({ outletId: tickets.outletId }).from(tickets).where(eq(tickets.followToken, parsed.data.token));
        if (!ticket) return ack(ackError('ticket_not_found'));
        await socket.join(outletRoom(ticket.outletId));
        const [sequence] = await deps.db.select({ seq: outletSequences.lastSeq }).from(outletSequences).where(eq(outletSequences.outletId, ticket.outletId));
        ack({ data: { outletId: ticket.outletId, seq: sequence?.seq ?? 0 } });
      } catch (error) {
        deps.logger.error({ err: error }, 'follow:join failed');
        ack(ackError(isDatabaseUnavailable(error) ? 'database_unavailable' : 'internal'));
      }
    });

    if (principal.kind !== 'device' && principal.kind !== 'staff') return;
    const room = principal.kind === 'device' ? deviceRoom(principal.deviceId) : sessionRoom(principal.sessionId);
    void (async () => {
      await socket.join(room);
      // A revocation or sign-out that committed after the handshake's check found this socket not
      // yet in its room; looking again now that it is closes that gap.
      if (!(await stillValid(principal, deps, socket.handshake.headers.cookie))) {
        socket.disconnect(true);
        return;
      }
      if (principal.kind === 'device') {
        await touchDevice(deps.db, principal.deviceId, deps.clock.now());
        socket.on('disconnect', () => {
          touchDevice(deps.db, principal.deviceId, deps.clock.now()).catch((error: unknown) => deps.logger.warn({ err: error }, 'device last-seen update failed'));
        });
      }
    })().catch((error: unknown) => {
      deps.logger.error({ err: error }, 'socket.io connection setup failed');
      socket.disconnect(true);
    });
  });

  return {
    io,
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await pool?.end();
    },
  };
}
