/**
 * Hooks for the benchmark (`npm run bench`, bench/, issue 9). server/main.ts mounts them only when
 * `LOBBY_BENCH_HOOKS=1`; a server started any other way has none of this.
 *
 * `POST /__bench/broadcast` `{ event, local? }` emits a queue event to its outlet's room with no
 * database work: the floor the call-to-display latency is compared with, measured in the same run
 * from the same server to the same clients. `local: true` emits to this node's clients only
 * (`io.local`), leaving the Postgres adapter out.
 *
 * It answers before hono sees the request (as engine.io takes `/socket.io/`), and only to loopback.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { QueueEvent } from '../common/events.ts';
import type { LobbyIo } from './realtime/io.ts';
import { outletRoom } from './realtime/live.ts';

export const BENCH_BROADCAST_PATH = '/__bench/broadcast';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const broadcastRequest = z.object({
  event: z.object({
    outletId: z.string().min(1).max(64),
    seq: z.number().int(),
    type: z.string().min(1).max(32),
    at: z.string(),
    ticket: z.object({
      id: z.string(),
      number: z.string(),
      serviceId: z.string(),
      status: z.enum(['waiting', 'called', 'serving', 'finished', 'missed', 'cancelled']),
      green: z.boolean(),
      counterNumber: z.number().int().nullable(),
      callSeq: z.number().int().nullable().optional(),
    }),
  }),
  local: z.boolean().default(false),
});

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 64 * 1024) throw new Error('body too large');
  }
  return body;
}

async function broadcast(io: LobbyIo, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  const parsed = broadcastRequest.safeParse(JSON.parse(await readBody(req)));
  if (!parsed.success) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(parsed.error.message);
    return;
  }
  const event: QueueEvent = parsed.data.event;
  const target = parsed.data.local ? io.local : io;
  target.to(outletRoom(event.outletId)).emit('queue:event', event);
  res.writeHead(204).end();
}

/** Puts the hooks in front of the server's other request listeners (hono's, wrapped by engine.io). */
export function mountBenchHooks(httpServer: HttpServer, io: LobbyIo, onError: (error: unknown) => void): void {
  const others = httpServer.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  httpServer.removeAllListeners('request');
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === BENCH_BROADCAST_PATH) {
      broadcast(io, req, res).catch((error: unknown) => {
        onError(error);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    for (const listener of others) listener.call(httpServer, req, res);
  });
}
