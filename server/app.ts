/**
 * Builds the whole HTTP application from its dependencies and listens on nothing: tests call
 * `app.request(...)`, and server/main.ts is the one place that opens a port.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { DatabaseHandle } from '../db/client.ts';
import { ANONYMOUS } from './auth/principal.ts';
import type { Clock } from './clock.ts';
import { AppError, createErrorHandler, errorBody } from './errors.ts';
import type { AppEnv } from './http/env.ts';
import { measureRequests, type Metrics } from './http/metrics.ts';
import { mountPages } from './http/static-pages.ts';
import type { Logger } from './logger.ts';
import { systemRoutes } from './routes/system.ts';

export interface AppDeps {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  /** The built front-ends (dist/web); pages are not served without it. */
  webRoot?: string;
}

export const API_INFO = {
  openapi: '3.0.3',
  info: {
    title: 'Lobby API',
    version: '0.1.0',
    description: 'Appointments and queueing for the lobbies of vehicle management offices.',
  },
};

/** Bodies larger than this are refused before they are read; uploads get their own limit. */
const JSON_BODY_LIMIT = 64 * 1024;

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    // A body or query that fails its schema: one error shape, with the fields that are wrong.
    defaultHook: (result) => {
      if (!result.success) {
        const fields: Record<string, string> = {};
        for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] = issue.code;
        throw new AppError('validation_failed', { fields });
      }
    },
  });

  app.use(requestId());
  app.use(measureRequests(deps.metrics));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // lit adopts constructable stylesheets, which 'self' allows: no inline styles needed.
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: () => { throw new AppError('payload_too_large'); } }));
  app.use(async function resolvePrincipal(c, next) {
    c.set('principal', ANONYMOUS);
    await next();
  });

  app.route('/', systemRoutes({ database: deps.database, metrics: deps.metrics }));

  app.doc('/openapi.json', API_INFO);
  if (deps.webRoot) mountPages(app, deps.webRoot);

  app.notFound((c) => c.json(errorBody('not_found', c.get('requestId') ?? ''), 404));
  app.onError(createErrorHandler(deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
