/** Citizens on the WeChat H5 page: WeChat authorization, SMS codes, registration, the session. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { maskIdNumber, maskName, maskPhone } from '../../common/mask.ts';
import { citizens } from '../../db/schema.ts';
import type { AppDeps } from '../app.ts';
import { expectPrincipal } from '../auth/principal.ts';
import type { AppEnv } from '../http/env.ts';
import { defineRoute } from '../http/route.ts';
import { errorResponse } from '../http/schemas.ts';

const citizenMe = z
  .object({
    openidBound: z.literal(true),
    registered: z.boolean(),
    /** Masked: `张*三`, `3601**********123X`, `138****5678`. */
    profile: z.object({ name: z.string(), idNumber: z.string(), phone: z.string() }).nullable(),
    csrfToken: z.string(),
  })
  .openapi('CitizenMe');

const me = defineRoute(['wechat-user'], {
  method: 'get',
  path: '/api/citizen/me',
  tags: ['citizens'],
  summary: 'The signed-in WeChat user, and their registration (masked)',
  responses: {
    200: { description: 'The session.', content: { 'application/json': { schema: citizenMe } } },
    401: errorResponse('No citizen session.'),
  },
});

export function citizenRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new OpenAPIHono<AppEnv>().openapi(me, async (c) => {
    const principal = expectPrincipal(c.get('principal'), 'citizen');
    let profile: z.infer<typeof citizenMe>['profile'] = null;
    if (principal.citizenId) {
      const [row] = await db.select().from(citizens).where(eq(citizens.id, principal.citizenId));
      if (row) {
        profile = {
          name: maskName(row.name),
          idNumber: maskIdNumber(deps.privacy.decrypt(row.idNumberEnc)),
          phone: maskPhone(deps.privacy.decrypt(row.phoneEnc)),
        };
      }
    }
    return c.json({ openidBound: true as const, registered: profile !== null, profile, csrfToken: c.get('csrfToken') ?? '' }, 200);
  });
}
