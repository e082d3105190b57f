/**
 * A load process of socket.io clients in one outlet room: phones that follow a ticket
 * (`follow:join`) and, when given a token, one display (`outlet:join`). Every client records when
 * each `called` event reaches it; the bench joins those times to the times it sent the calls.
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/events.ts';
import { now } from '../lib/clock.ts';
import type { FromSocketWorker, SocketPlan, ToSocketWorker } from '../lib/protocol.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Connections opened at once: a burst of thousands of handshakes only measures the burst. */
const CONNECT_BATCH = 50;

const clients: Client[] = [];
const receipts = new Map<string, number[]>();
/** Clients that have received each event, by `<type>:<ticket id>`, until all of them have. */
const heard = new Map<string, number>();
let joined = 0;
let sampled = false;

function reply(message: FromSocketWorker): void {
  process.send!(message);
}

async function open(plan: SocketPlan, display: boolean): Promise<void> {
  const client: Client = connect(plan.url, {
    transports: ['websocket'], reconnection: false, forceNew: true, timeout: 30_000,
    ...(display ? { auth: { token: plan.displayToken! } } : {}),
  });
  clients.push(client);
  client.on('queue:event', (event) => {
    const at = now();
    const key = `${event.type}:${event.ticket.id}`;
    const count = (heard.get(key) ?? 0) + 1;
    heard.set(key, count);
    if (count === joined) reply({ type: 'complete', key });
    if (event.type !== 'called') return;
    const times = receipts.get(event.ticket.id);
    if (times) times.push(at);
    else receipts.set(event.ticket.id, [at]);
    if (!sampled) {
      sampled = true;
      reply({ type: 'sample', event });
    }
  });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', reject);
  });
  const ack = display
    ? await client.emitWithAck('outlet:join', { outletId: plan.outletId })
    : await client.emitWithAck('follow:join', { token: plan.followToken });
  if ('error' in ack) throw new Error(`${display ? 'outlet:join' : 'follow:join'}: ${ack.error.code}`);
}

async function connectAll(plan: SocketPlan): Promise<void> {
  const kinds = [...(plan.displayToken ? [true] : []), ...Array.from({ length: plan.phones }, () => false)];
  let connected = 0;
  let failed = 0;
  let firstError: string | null = null;
  for (let from = 0; from < kinds.length; from += CONNECT_BATCH) {
    const outcomes = await Promise.allSettled(kinds.slice(from, from + CONNECT_BATCH).map((display) => open(plan, display)));
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') connected += 1;
      else {
        failed += 1;
        firstError ??= String(outcome.reason);
      }
    }
  }
  joined = connected;
  reply({ type: 'ready', connected, failed, firstError });
}

process.on('message', (raw) => {
  const message = raw as ToSocketWorker;
  switch (message.type) {
    case 'ping':
      reply({ type: 'pong', id: message.id, at: now() });
      break;
    case 'connect':
      void connectAll(message.plan);
      break;
    case 'report':
      reply({ type: 'receipts', receipts: [...receipts.entries()] });
      break;
    case 'close':
      for (const client of clients) client.disconnect();
      process.exit(0);
  }
});

// The bench is gone (it ended or was interrupted): nothing left to do.
process.on('disconnect', () => process.exit(0));
