/**
 * socket.io on the HTTP server's port: one room per outlet. A client joins with an acknowledgement
 * and gets a snapshot with the outlet's sequence; later events carry higher sequences.
 * With PostgreSQL, the Postgres adapter carries broadcasts to the clients of every server process.
 */
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import { Server } from 'socket.io';
import { joinOutletRequest, type ClientToServerEvents, type ServerToClientEvents } from '../../common/events.ts';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { outlets } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import { isDatabaseUnavailable } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { outletSnapshot } from './snapshot.ts';

export type LobbyIo = Server<ClientToServerEvents, ServerToClientEvents>;

export function outletRoom(outletId: string): string {
  return `outlet:${outletId}`;
}

export interface RealtimeDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  /** Set with real PostgreSQL: events then reach the clients of every node. */
  databaseUrl?: string | undefined;
}

export function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): { io: LobbyIo; close(): Promise<void> } {
  const io: LobbyIo = new Server(httpServer, { serveClient: false, cors: { origin: false } });
  let pool: pg.Pool | undefined;
  if (deps.databaseUrl) {
    pool = new pg.Pool({ connectionString: deps.databaseUrl, max: 2 });
    pool.on('error', (error) => deps.logger.warn({ err: error }, 'socket.io adapter pool error'));
    io.adapter(createAdapter(pool, { errorHandler: (error) => deps.logger.warn({ err: error }, 'socket.io adapter error') }));
  }

  io.on('connection', (socket) => {
    socket.on('outlet:join', async (request, ack) => {
      if (typeof ack !== 'function') return;
      const parsed = joinOutletRequest.safeParse(request);
      if (!parsed.success) return ack({ error: { code: 'validation_failed', message: 'outletId is required' } });
      try {
        const [outlet] = await deps.db.select({ id: outlets.id }).from(outlets).where(eq(outlets.id, parsed.data.outletId));
        if (!outlet) return ack({ error: { code: 'not_found', message: 'no such outlet' } });
        // Join before reading, so no event committed after the snapshot can be missed.
        await socket.join(outletRoom(outlet.id));
        ack({ data: await outletSnapshot(deps.db, outlet.id, deps.clock.now()) });
      } catch (error) {
        deps.logger.error({ err: error }, 'outlet:join failed');
        ack({ error: { code: isDatabaseUnavailable(error) ? 'database_unavailable' : 'internal', message: 'try again' } });
      }
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
