/** Filled in by the work on issue 8. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.ts';
import type { AppEnv } from '../http/env.ts';

export function adminRoutes(_deps: AppDeps) {
  return new OpenAPIHono<AppEnv>();
}
