/**
 * Notices (通知公告): the public list the H5 home and the lobby display show, and the staff
 * actions that write, publish and withdraw them.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { createNoticeRequest, notice, noticeList, noticePublished, publishNoticeRequest } from '../../common/notices.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal } from '../auth/principal.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';
import { createNotice, listAllNotices, listPublishedNotices, noticeView, publishNotice, withdrawNotice } from '../notices/notices.ts';

const WRITERS = ['admin', 'supervisor'] as const;
const noticeSchema = named(notice, 'Notice');
const listSchema = named(noticeList.extend({ notices: z.array(noticeSchema) }), 'NoticeList');
const noticeParams = z.object({ noticeId: z.uuid().openapi({ param: { name: 'noticeId', in: 'path' } }) });

const publicList = defineRoute(['public'], {
  method: 'get',
  path: '/api/notices',
  tags: ['notices'],
  summary: 'Published notices for an outlet (and those for every outlet), newest first',
  request: { query: z.object({ outletId: z.string().max(64).optional() }) },
  responses: { 200: { description: 'The notices in force.', content: { 'application/json': { schema: listSchema } } } },
});

const staffList = defineRoute(WRITERS, {
  method: 'get',
  path: '/api/admin/notices',
  tags: ['notices'],
  summary: 'Every notice, drafts and withdrawn ones included, newest first',
  responses: { 200: { description: 'The notices.', content: { 'application/json': { schema: listSchema } } } },
});

const create = defineRoute(WRITERS, {
  method: 'post',
  path: '/api/admin/notices',
  tags: ['notices'],
  summary: 'Write a notice (a draft until published)',
  description: '`closure` needs `effectiveFrom` (and `effectiveTo` for more than one day); `hours_change` also `changedHours`.',
  request: { body: { required: true, content: { 'application/json': { schema: named(createNoticeRequest, 'CreateNoticeRequest') } } } },
  responses: {
    201: { description: 'The draft.', content: { 'application/json': { schema: noticeSchema } } },
    400: errorResponse('`notice_invalid` with `fields`; `validation_failed` (no such outlet).'),
    403: errorResponse('A supervisor writing for an outlet not theirs, or for every outlet.'),
  },
});

const publish = defineRoute(WRITERS, {
  method: 'post',
  path: '/api/admin/notices/{noticeId}/publish',
  tags: ['notices'],
  summary: 'Publish a draft now or at `publishAt`; a closure or hours change marks and tells the bookings it affects',
  request: { params: noticeParams, body: { required: true, content: { 'application/json': { schema: named(publishNoticeRequest, 'PublishNoticeRequest') } } } },
  responses: {
    200: { description: 'Published.', content: { 'application/json': { schema: named(noticePublished, 'NoticePublished') } } },
    404: errorResponse('No such notice.'),
    409: errorResponse('`notice_status_conflict`: published or withdrawn already.'),
  },
});

const withdraw = defineRoute(WRITERS, {
  method: 'post',
  path: '/api/admin/notices/{noticeId}/withdraw',
  tags: ['notices'],
  summary: 'Withdraw a notice: it leaves every list at once',
  request: { params: noticeParams },
  responses: {
    200: { description: 'Withdrawn.', content: { 'application/json': { schema: noticeSchema } } },
    404: errorResponse('No such notice.'),
    409: errorResponse('`notice_status_conflict`: withdrawn already.'),
  },
});

export function noticeRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>()
    .openapi(publicList, async (c) => {
      const { outletId } = c.req.valid('query');
      const rows = await listPublishedNotices(db, outletId, deps.clock.now());
      // Displays and many phones ask at once; a minute's staleness is fine for a notice.
      c.header('Cache-Control', 'public, max-age=60');
      return c.json({ notices: rows.map(noticeView) }, 200);
    })
    .openapi(staffList, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ notices: (await listAllNotices(db)).map(noticeView) }, 200);
    })
    .openapi(create, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(noticeView(await createNotice(db, staff, c.req.valid('json'), deps.clock.now())), 201);
    })
    .openapi(publish, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      const { publishAt } = c.req.valid('json');
      const result = await publishNotice(db, staff, c.req.valid('param').noticeId, publishAt ? new Date(publishAt) : undefined, deps.clock.now());
      return c.json({ ...noticeView(result.notice), affectedBookings: result.affectedBookings }, 200);
    })
    .openapi(withdraw, async (c) => {
      const staff = expectPrincipal(c.get('principal'), 'staff');
      return c.json(noticeView(await withdrawNotice(db, staff, c.req.valid('param').noticeId, deps.clock.now())), 200);
    });
}
