/**
 * The phone that scanned a ticket's QR code: the ticket live (by its random follow token, no sign-in),
 * and the satisfaction rating once its business is finished.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ratingRequest } from '../../common/counters.ts';
import { followView } from '../../common/follow.ts';
import type { AppDeps } from '../app.ts';
import { readSettings } from '../domain/read-settings.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse, json } from '../http/schemas.ts';
import { followView as viewOf } from '../queue/follow-view.ts';
import { rateTicket } from '../queue/ratings.ts';

const tokenParams = z.object({ token: z.string().min(16).max(64).openapi({ param: { name: 'token', in: 'path' } }) });

const show = defineRoute(['public'], {
  method: 'get',
  path: '/api/follow/{token}',
  tags: ['follow'],
  summary: 'A ticket as the phone that scanned it follows it: status, people ahead, wait, counter',
  request: { params: tokenParams },
  responses: { 200: json('The ticket.', named(followView, 'FollowView')), 404: errorResponse('`ticket_not_found`.') },
});

const rate = defineRoute(['public'], {
  method: 'post',
  path: '/api/follow/{token}/rating',
  tags: ['follow'],
  summary: 'The citizen rates the finished service from the phone that followed the ticket',
  request: { params: tokenParams, body: { required: true, content: { 'application/json': { schema: named(ratingRequest, 'PhoneRatingRequest') } } } },
  responses: {
    201: json('Thank you.', z.object({ grade: z.number().int() })),
    400: errorResponse('`validation_failed`: a reason is required for the two lowest grades.'),
    404: errorResponse('`ticket_not_found`.'),
    409: errorResponse('`rating_exists`, `ticket_not_finished`.'),
  },
});

export function followRoutes(deps: Pick<AppDeps, 'database' | 'clock'>) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(show, async (c) => c.json(await viewOf(db, c.req.valid('param').token, await readSettings(db), deps.clock.now()), 200))
    .openapi(rate, async (c) => {
      const rated = await rateTicket(db, { followToken: c.req.valid('param').token }, c.req.valid('json'), 'phone', deps.clock.now());
      return c.json({ grade: rated.grade }, 201);
    });
}
