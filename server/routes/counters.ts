/**
 * The counters and the queue, for staff of the outlet: the counters and the waiting list, the clerk's
 * actions (call next, recall, missed, start, finish, transfer, open/pause/resume/close), requeueing a
 * missed ticket, why one ticket is ahead of another, and the satisfaction rating on the counter's
 * rating screen (the phone's is in follow.ts).
 *
 * Handlers validate, run one transaction in server/counters or server/queue, send the committed
 * events to the outlet's room, and answer.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import {
  counterActionRequest, counterActionResult, counterList, explanation, outletQueue, ratingRequest, staffTicket, transferRequest,
} from '../../common/counters.ts';
import { serviceDate } from '../../common/time.ts';
import { tickets } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal } from '../auth/principal.ts';
import { counterAction, type CommittedAction, type CounterAction, type CounterActor } from '../counters/actions.ts';
import { readSettings } from '../domain/read-settings.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse, json, jsonBody } from '../http/schemas.ts';
import { explainOrder } from '../queue/order.ts';
import { rateTicket } from '../queue/ratings.ts';
import { requeueMissed } from '../queue/requeue.ts';
import { counterViews, outletQueue as queueOf, staffTickets } from '../queue/staff-view.ts';

const uuidParam = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
const outletParams = z.object({ outletId: z.string().min(1).max(64).openapi({ param: { name: 'outletId', in: 'path' } }) });
const idParams = z.object({ id: uuidParam('id') });
const resultSchema = named(counterActionResult, 'CounterActionResult');
const ticketSchema = named(staffTicket, 'StaffTicket');

const STAFF_OF_OUTLET = ['clerk', 'supervisor', 'guide'] as const;
const AT_COUNTER = ['clerk', 'supervisor'] as const;

const listCounters = defineRoute(STAFF_OF_OUTLET, {
  method: 'get',
  path: '/api/outlets/{outletId}/counters',
  tags: ['counters'],
  summary: 'The outlet\'s counters: status, who works there, services, the ticket in hand',
  request: { params: outletParams },
  responses: { 200: json('The counters.', named(counterList, 'CounterList')), 403: errorResponse('Not one of the caller\'s outlets.') },
});

const showQueue = defineRoute(STAFF_OF_OUTLET, {
  method: 'get',
  path: '/api/outlets/{outletId}/queue',
  tags: ['counters'],
  summary: 'Everyone waiting today in calling order per queue, with waits; the missed; the counters',
  request: { params: outletParams },
  responses: { 200: json('The queue.', named(outletQueue, 'OutletQueue')), 403: errorResponse('Not one of the caller\'s outlets.') },
});

const ACTIONS: Record<Exclude<CounterAction, 'transfer'>, string> = {
  'open': 'Take the counter and open it',
  'pause': 'Pause the counter (no calls)',
  'resume': 'Resume a paused counter',
  'close': 'Close the counter (nothing in hand)',
  'call-next': 'Call the next ticket of the counter\'s queues (finishing the one in hand first)',
  'recall': 'Call the ticket in hand again',
  'missed': 'Mark the ticket in hand as missed',
  'start': 'Start serving the ticket in hand',
  'finish': 'Finish the ticket in hand (a journey goes on to its next step)',
};

const actionRoute = (action: Exclude<CounterAction, 'transfer'>) => defineRoute(AT_COUNTER, {
  method: 'post',
  path: `/api/counters/{id}/${action}`,
  tags: ['counters'],
  summary: ACTIONS[action],
  description: 'Idempotent by `idempotencyKey`: the same key answers as the first request did.',
  request: { params: idParams, ...jsonBody(named(counterActionRequest, 'CounterActionRequest')) },
  responses: {
    200: json('The counter now, and the ticket the action moved.', resultSchema),
    404: errorResponse('No such counter at the caller\'s outlets.'),
    409: errorResponse('`counter_taken`, `counter_not_open`, `counter_busy`, `no_current_ticket`, `ticket_state_conflict`.'),
  },
});

const transferRoute = defineRoute(AT_COUNTER, {
  method: 'post',
  path: '/api/counters/{id}/transfer',
  tags: ['counters'],
  summary: 'Transfer the ticket in hand to another service\'s queue',
  request: { params: idParams, ...jsonBody(named(transferRequest, 'TransferRequest')) },
  responses: {
    200: json('The counter now, and the transferred ticket.', resultSchema),
    400: errorResponse('`service_not_at_outlet`: no counter here serves that service.'),
    404: errorResponse('No such counter at the caller\'s outlets.'),
    409: errorResponse('`counter_taken`, `no_current_ticket`, `ticket_state_conflict`.'),
  },
});

const requeueRoute = defineRoute(STAFF_OF_OUTLET, {
  method: 'post',
  path: '/api/tickets/{id}/requeue',
  tags: ['counters'],
  summary: 'Put a missed ticket back into its queue, behind those waiting now (once, by default)',
  request: { params: idParams, ...jsonBody(named(counterActionRequest, 'RequeueRequest')) },
  responses: {
    200: json('The ticket, waiting again.', ticketSchema),
    404: errorResponse('`ticket_not_found`.'),
    409: errorResponse('`requeue_limit_reached`, `ticket_state_conflict`.'),
  },
});

const explainRoute = defineRoute(STAFF_OF_OUTLET, {
  method: 'get',
  path: '/api/tickets/{id}/explain',
  tags: ['counters'],
  summary: 'Why this ticket is ahead of another in their queue ("B007 is ahead of A012 because …")',
  request: { params: idParams, query: z.object({ behind: z.uuid().openapi({ param: { name: 'behind', in: 'query' } }) }) },
  responses: {
    200: json('The reason, in Chinese and English.', named(explanation, 'OrderExplanation')),
    400: errorResponse('`bad_request`: the first is not ahead of the second, or one is not waiting in that queue.'),
    404: errorResponse('`ticket_not_found`.'),
  },
});

const counterRating = defineRoute(AT_COUNTER, {
  method: 'post',
  path: '/api/tickets/{id}/rating',
  tags: ['counters'],
  summary: 'The citizen rates the finished service on the counter\'s rating screen',
  request: { params: idParams, ...jsonBody(named(ratingRequest, 'RatingRequest')) },
  responses: {
    201: json('Thank you.', z.object({ grade: z.number().int() })),
    400: errorResponse('`validation_failed`: a reason is required for the two lowest grades.'),
    404: errorResponse('`ticket_not_found`.'),
    409: errorResponse('`rating_exists`, `ticket_not_finished`.'),
  },
});

function actorOf(c: Context<AppEnv>): CounterActor {
  const member = expectPrincipal(c.get('principal'), 'staff');
  return { staffId: member.staffId, role: member.role, outletIds: member.outletIds };
}

function ensureOutlet(actor: CounterActor, outletId: string): void {
  if (!actor.outletIds.includes(outletId)) throw new AppError('forbidden', { detail: `outlet ${outletId}` });
}

export function counterRoutes(deps: Pick<AppDeps, 'database' | 'clock' | 'live'>) {
  const { db } = deps.database;
  const announce = (committed: CommittedAction) => {
    deps.live.publish(committed.events);
    deps.live.publishCounters(committed.counterEvents);
  };
  let app = new OpenAPIHono<AppEnv>()
    .openapi(listCounters, async (c) => {
      const { outletId } = c.req.valid('param');
      ensureOutlet(actorOf(c), outletId);
      return c.json({ counters: await counterViews(db, { outletId }, deps.clock.now()) }, 200);
    })
    .openapi(showQueue, async (c) => {
      const { outletId } = c.req.valid('param');
      ensureOutlet(actorOf(c), outletId);
      const now = deps.clock.now();
      return c.json(await queueOf(db, outletId, serviceDate(now), await readSettings(db), now), 200);
    })
    .openapi(transferRoute, async (c) => {
      const now = deps.clock.now();
      const result = await counterAction(db, c.req.valid('param').id, 'transfer', c.req.valid('json'), actorOf(c), await readSettings(db), now, announce);
      return c.json(result, 200);
    })
    .openapi(requeueRoute, async (c) => {
      const now = deps.clock.now();
      const outcome = await requeueMissed(db, c.req.valid('param').id, actorOf(c), await readSettings(db), now);
      deps.live.publish(outcome.events);
      const [view] = await staffTickets(db, [outcome.ticket], now);
      return c.json(view!, 200);
    })
    .openapi(explainRoute, async (c) => {
      const now = deps.clock.now();
      const actor = actorOf(c);
      const ids = [c.req.valid('param').id, c.req.valid('query').behind];
      const pair = await db.select().from(tickets).where(and(inArray(tickets.id, ids), inArray(tickets.outletId, [...actor.outletIds])));
      const ahead = pair.find((t) => t.id === ids[0]);
      const behind = pair.find((t) => t.id === ids[1]);
      if (!ahead || !behind) throw new AppError('ticket_not_found');
      const waiting = await db.select().from(tickets)
        .where(and(eq(tickets.outletId, ahead.outletId), eq(tickets.serviceDate, ahead.serviceDate), eq(tickets.serviceId, ahead.serviceId), eq(tickets.status, 'waiting')));
      return c.json(explainOrder(ahead, behind, waiting, await readSettings(db), { priorityCallsInARow: 0 }, now), 200);
    })
    .openapi(counterRating, async (c) => {
      const rated = await rateTicket(db, { ticketId: c.req.valid('param').id }, c.req.valid('json'), 'counter', deps.clock.now(), actorOf(c).outletIds);
      return c.json({ grade: rated.grade }, 201);
    });
  for (const action of Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]) {
    app = app.openapi(actionRoute(action), async (c) => {
      const now = deps.clock.now();
      const result = await counterAction(db, c.req.valid('param').id, action, c.req.valid('json'), actorOf(c), await readSettings(db), now, announce);
      return c.json(result, 200);
    });
  }
  return app;
}
