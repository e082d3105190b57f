/**
 * Every route declares who may call it. `defineRoute` records the audiences in the OpenAPI document
 * (`x-access`) and enforces them before the handler runs; a route without a declaration does not
 * type-check, and the authorization test reads `x-access` from the document.
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { admits, type Audience } from '../auth/principal.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

export function requireAccess(audiences: readonly Audience[]) {
  return createMiddleware<AppEnv>(async function requireAccessMiddleware(c, next) {
    const principal = c.get('principal');
    if (!admits(audiences, principal)) {
      if (principal.kind !== 'anonymous') throw new AppError('forbidden');
      throw new AppError(c.get('deviceRevoked') ? 'device_revoked' : 'unauthenticated');
    }
    await next();
  });
}

export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(access: readonly Audience[], config: R) {
  return createRoute({
    ...config,
    'x-access': access,
    middleware: [requireAccess(access)] as const,
  });
}
