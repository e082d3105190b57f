/** Builds the real app for a test: real database, silent logger, a clock the test controls. */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { DatabaseHandle } from '../../db/client.ts';
import { createApp } from '../../server/app.ts';
import { fixedClock } from '../../server/clock.ts';
import { createMetrics } from '../../server/http/metrics.ts';
import { createLogger } from '../../server/logger.ts';
import { attachRealtime, type LobbyIo } from '../../server/realtime/io.ts';
import { WEB_ROOT } from '../../server/web-build.ts';

export function testApp(database: DatabaseHandle, options: { now?: string } = {}) {
  const clock = fixedClock(options.now ?? '2026-11-23T09:00:00+08:00');
  const logger = createLogger({ level: 'silent' });
  const app = createApp({ database, clock, logger, metrics: createMetrics(), webRoot: WEB_ROOT });
  return { app, clock, logger };
}

export interface RunningServer {
  url: string;
  port: number;
  io: LobbyIo;
  close(): Promise<void>;
}

/** The app on a real port (0: any free one) with socket.io attached, as server/main.ts wires it. */
export async function startTestServer(database: DatabaseHandle, options: { now?: string; databaseUrl?: string } = {}): Promise<RunningServer & ReturnType<typeof testApp>> {
  const built = testApp(database, options);
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const server = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server as HttpServer));
  });
  const realtime = attachRealtime(httpServer, { db: database.db, clock: built.clock, logger: built.logger, databaseUrl: options.databaseUrl });
  const port = (httpServer.address() as AddressInfo).port;
  return { ...built, url: `http://127.0.0.1:${port}`, port, io: realtime.io, close: realtime.close };
}
