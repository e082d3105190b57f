/**
 * Staff review of firms' agents (the console screen comes later; this is its API): the agents
 * waiting for review, the uploaded power of attorney, approve, reject with a reason, revoke.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { agentForReview, agentReviewList, REVIEW_STATUSES, reviewReasonRequest } from '../../common/firms.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal } from '../auth/principal.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';
import { attorneyFile, listAgentsForReview, reviewAgent } from '../firms/agencies.ts';
import type { ReviewAction } from '../firms/review.ts';

const REVIEWERS = ['admin', 'supervisor'] as const;
const agentParams = z.object({ agentId: z.uuid().openapi({ param: { name: 'agentId', in: 'path' } }) });
const reviewed = z.object({ agentId: z.string(), status: z.enum(REVIEW_STATUSES), reviewReason: z.string().nullable(), reviewedAt: z.string() }).openapi('AgentReviewed');
const reasonBody = { required: true, content: { 'application/json': { schema: named(reviewReasonRequest, 'ReviewReasonRequest') } } };

const list = defineRoute(REVIEWERS, {
  method: 'get',
  path: '/api/admin/agents',
  tags: ['firms'],
  summary: 'Agents by review status (default: pending), oldest first, people masked',
  request: { query: z.object({ status: z.enum(REVIEW_STATUSES).default('pending') }) },
  responses: {
    200: { description: 'The agents.', content: { 'application/json': { schema: named(agentReviewList.extend({ agents: z.array(named(agentForReview, 'AgentForReview')) }), 'AgentReviewList') } } },
  },
});

const file = defineRoute(REVIEWERS, {
  method: 'get',
  path: '/api/admin/agents/{agentId}/power-of-attorney',
  tags: ['firms'],
  summary: 'The agent\'s newest power of attorney, as uploaded',
  description: 'Served with its real type, inline, `nosniff` and a CSP `sandbox`: an uploaded file never runs as this site.',
  request: { params: agentParams },
  responses: {
    200: { description: 'The file (JPEG, PNG or PDF).', content: { 'image/jpeg': {}, 'image/png': {}, 'application/pdf': {} } },
    404: errorResponse('No such agent, or nothing uploaded.'),
  },
});

const reviewResponses = (action: ReviewAction) => ({
  200: { description: 'The agent\'s new status.', content: { 'application/json': { schema: reviewed } } },
  404: errorResponse('No such agent.'),
  409: errorResponse(`\`agent_status_conflict\`: not in a status this allows${action === 'approve' ? '; `attorney_missing`' : ''}.`),
});
const reviewPath = (action: ReviewAction) => `/api/admin/agents/{agentId}/${action}` as const;

const approve = defineRoute(REVIEWERS, {
  method: 'post', path: reviewPath('approve'), tags: ['firms'],
  summary: 'Approve a pending agent (a power of attorney must be on file)',
  request: { params: agentParams },
  responses: reviewResponses('approve'),
});
const reject = defineRoute(REVIEWERS, {
  method: 'post', path: reviewPath('reject'), tags: ['firms'],
  summary: 'Reject a pending agent, with the reason the citizen will read',
  request: { params: agentParams, body: reasonBody },
  responses: reviewResponses('reject'),
});
const revoke = defineRoute(REVIEWERS, {
  method: 'post', path: reviewPath('revoke'), tags: ['firms'],
  summary: 'Revoke an approved agent, with the reason',
  request: { params: agentParams, body: reasonBody },
  responses: reviewResponses('revoke'),
});

export function agentReviewRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const review = async (staffId: string, agentId: string, action: ReviewAction, reason?: string) => {
    const changed = await reviewAgent(db, { staffId, agentId, action, reason }, deps.clock.now());
    return { agentId: changed.id, status: changed.status, reviewReason: changed.reviewReason, reviewedAt: changed.reviewedAt!.toISOString() };
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(list, async (c) => {
      const { status } = c.req.valid('query');
      c.header('Cache-Control', 'no-store');
      return c.json({ agents: await listAgentsForReview(db, deps.privacy, status) }, 200);
    })
    .openapi(file, async (c) => {
      const { agentId } = c.req.valid('param');
      const row = await attorneyFile(db, agentId);
      if (!row) throw new AppError('not_found');
      const extension = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }[row.mediaType] ?? 'bin';
      return c.body(new Uint8Array(row.content), 200, {
        // The type the content was found to be at upload, never what the uploader claimed.
        'Content-Type': row.mediaType,
        'Content-Disposition': `inline; filename="power-of-attorney-${agentId}.${extension}"`,
        'X-Content-Type-Options': 'nosniff',
        // A PDF can carry script and links: sandboxed, it runs (if at all) in an opaque origin.
        'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
        'Cache-Control': 'private, no-store',
      });
    })
    .openapi(approve, async (c) => {
      const { staffId } = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await review(staffId, c.req.valid('param').agentId, 'approve'), 200);
    })
    .openapi(reject, async (c) => {
      const { staffId } = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await review(staffId, c.req.valid('param').agentId, 'reject', c.req.valid('json').reason), 200);
    })
    .openapi(revoke, async (c) => {
      const { staffId } = expectPrincipal(c.get('principal'), 'staff');
      return c.json(await review(staffId, c.req.valid('param').agentId, 'revoke', c.req.valid('json').reason), 200);
    });
}
