/**
 * A load process for HTTP: told its requests in lanes (each lane one request after another, the
 * lanes side by side), it warms up, says it is prepared, and on `go` sends them all with plain
 * `fetch`, timing each from send to the end of its body.
 */
import { now } from '../lib/clock.ts';
import type { FromHttpWorker, LoadRequest, LoadResult, ToHttpWorker } from '../lib/protocol.ts';

function reply(message: FromHttpWorker): void {
  process.send!(message);
}

async function send(request: LoadRequest): Promise<LoadResult> {
  const sentAt = now();
  try {
    const res = await fetch(request.url, { method: request.method, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
    const text = await res.text();
    let code: string | null = null;
    if (res.status >= 400) {
      try {
        code = (JSON.parse(text) as { code?: string }).code ?? null;
      } catch {
        code = text.slice(0, 80);
      }
    }
    return { tag: request.tag, status: res.status, code, sentAt, answeredAt: now() };
  } catch (error) {
    return { tag: request.tag, status: 0, code: (error as Error).message, sentAt, answeredAt: now() };
  }
}

async function runLane(lane: LoadRequest[], until: number, paceMs: number, startMs: number): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  if (startMs > 0) await new Promise((resolve) => setTimeout(resolve, startMs));
  for (const request of lane) {
    if (now() > until) break;
    const result = await send(request);
    results.push(result);
    const wait = result.sentAt + paceMs - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return results;
}

let lanes: LoadRequest[][] = [];
let budgetMs = Number.POSITIVE_INFINITY;
let paceMs = 0;
let startsMs: number[] = [];

process.on('message', (raw) => {
  const message = raw as ToHttpWorker;
  switch (message.type) {
    case 'ping':
      reply({ type: 'pong', id: message.id, at: now() });
      break;
    case 'prepare':
      lanes = message.lanes;
      budgetMs = message.budgetMs ?? Number.POSITIVE_INFINITY;
      paceMs = message.paceMs ?? 0;
      startsMs = message.startsMs ?? [];
      // fetch's first use compiles and loads undici: not part of anyone's latency.
      void Promise.all(Array.from({ length: 5 }, () => fetch(message.warmUrl).then((res) => res.arrayBuffer())))
        .then(() => reply({ type: 'prepared' }));
      break;
    case 'go': {
      const until = now() + budgetMs;
      void Promise.all(lanes.map((lane, i) => runLane(lane, until, paceMs, startsMs[i] ?? 0))).then((perLane) => reply({ type: 'results', results: perLane.flat() }));
      break;
    }
  }
});

// The bench is gone (it ended or was interrupted): nothing left to do.
process.on('disconnect', () => process.exit(0));
