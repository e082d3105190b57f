/**
 * Citizens acting for firms (代办): apply to be a firm's agent (registering the firm by its credit
 * code), upload the sealed power of attorney, and see their applications and how they were reviewed.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { agencyList, ATTORNEY_MAX_BYTES, ATTORNEY_MEDIA_TYPES, attorneyUploaded, registerAgencyRequest, agency } from '../../common/firms.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal } from '../auth/principal.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import { named } from '../http/named-schema.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';
import { applyAsAgent, listAgencies, uploadPowerOfAttorney } from '../firms/agencies.ts';

/**
 * The upload's path: server/app.ts keeps its 64 KB limit for everything else off it, and this
 * module puts the power of attorney's own limit on it.
 */
export const ATTORNEY_UPLOAD_PATH = /^\/api\/citizen\/agencies\/[^/]+\/power-of-attorney$/;

const agencySchema = named(agency, 'Agency');
const agentParams = z.object({ agentId: z.uuid().openapi({ param: { name: 'agentId', in: 'path' } }) });
const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };

const list = defineRoute(['citizen'], {
  method: 'get',
  path: '/api/citizen/agencies',
  tags: ['firms'],
  summary: 'The firms the citizen acts for or applied to, with the review status and reason',
  responses: {
    200: { description: 'Newest first.', content: { 'application/json': { schema: named(agencyList.extend({ agencies: z.array(agencySchema) }), 'AgencyList') } } },
  },
});

const apply = defineRoute(['citizen'], {
  method: 'post',
  path: '/api/citizen/agencies',
  tags: ['firms'],
  summary: 'Apply to be a firm\'s agent; a new credit code registers the firm, a known one joins it',
  description: 'Idempotent: applying again returns the application as it stands; a rejected one goes back to review.',
  request: { body: { required: true, content: { 'application/json': { schema: named(registerAgencyRequest, 'RegisterAgencyRequest') } } } },
  responses: {
    200: { description: 'The application (status `pending`, or as reviewed).', content: { 'application/json': { schema: agencySchema } } },
    400: errorResponse('`credit_code_invalid` (GB 32100 checksum), `firm_name_invalid`.'),
    403: errorResponse('`firm_blacklisted`.'),
    409: errorResponse('`agent_revoked`.'),
  },
});

const upload = defineRoute(['citizen'], {
  method: 'put',
  path: '/api/citizen/agencies/{agentId}/power-of-attorney',
  tags: ['firms'],
  summary: 'Upload the power of attorney with the official seal (JPEG, PNG or PDF, at most 5 MB)',
  description: 'The body is the file itself. Its type is decided by its content, whatever `Content-Type` says.',
  request: {
    params: agentParams,
    body: { required: true, content: Object.fromEntries([...ATTORNEY_MEDIA_TYPES, 'application/octet-stream'].map((type) => [type, binary])) },
  },
  responses: {
    201: { description: 'Stored.', content: { 'application/json': { schema: named(attorneyUploaded, 'AttorneyUploaded') } } },
    400: errorResponse('`attorney_file_empty`.'),
    404: errorResponse('Not one of this citizen\'s applications.'),
    409: errorResponse('`agent_status_conflict`: the application was reviewed already.'),
    413: errorResponse('`payload_too_large`: more than 5 MB.'),
    415: errorResponse('`attorney_file_type`: not a JPEG, PNG or PDF by its content.'),
  },
});

export function firmRoutes(deps: AppDeps) {
  const { db } = deps.database;
  const app = new OpenAPIHono<AppEnv>();
  // Counted while the body streams in, so a 50 MB upload is cut off at 5 MB, not read whole.
  app.use('/api/citizen/agencies/:agentId/power-of-attorney', bodyLimit({
    maxSize: ATTORNEY_MAX_BYTES,
    onError: () => { throw new AppError('payload_too_large'); },
  }));
  return app
    .openapi(list, async (c) => {
      const { citizenId } = expectPrincipal(c.get('principal'), 'citizen');
      c.header('Cache-Control', 'no-store');
      return c.json({ agencies: await listAgencies(db, citizenId!) }, 200);
    })
    .openapi(apply, async (c) => {
      const { citizenId } = expectPrincipal(c.get('principal'), 'citizen');
      const agentId = await applyAsAgent(db, citizenId!, c.req.valid('json'), deps.clock.now());
      const applied = (await listAgencies(db, citizenId!)).find((a) => a.agentId === agentId)!;
      return c.json(applied, 200);
    })
    .openapi(upload, async (c) => {
      const { citizenId } = expectPrincipal(c.get('principal'), 'citizen');
      const { agentId } = c.req.valid('param');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const stored = await uploadPowerOfAttorney(db, citizenId!, agentId, bytes, deps.clock.now());
      return c.json(stored, 201);
    });
}
