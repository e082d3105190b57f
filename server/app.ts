/**
 * Builds the whole HTTP application from its dependencies and listens on nothing: tests call
 * `app.request(...)`, and server/main.ts is the one place that opens a port.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { DatabaseHandle } from '../db/client.ts';
import { csrf } from 'hono/csrf';
import { resolvePrincipal } from './auth/sessions.ts';
import type { Clock } from './clock.ts';
import { AppError, createErrorHandler, errorBody } from './errors.ts';
import type { AppEnv } from './http/env.ts';
import { measureRequests, type Metrics } from './http/metrics.ts';
import { mountPages } from './http/static-pages.ts';
import type { RateLimits } from './http/rate-limit.ts';
import { refuseUnstorableText } from './http/storable-text.ts';
import type { Logger } from './logger.ts';
import type { PersonalDataCipher } from './privacy/personal-data.ts';
import type { LiveChannel } from './realtime/live.ts';
import type { VoucherSigner } from './booking/voucher-token.ts';
import { bookingRoutes } from './routes/bookings.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { citizenRoutes } from './routes/citizens.ts';
import { deviceRoutes } from './routes/devices.ts';
import { agentReviewRoutes } from './routes/agents.ts';
import { ATTORNEY_UPLOAD_PATH, firmRoutes } from './routes/firms.ts';
import { counterRoutes } from './routes/counters.ts';
import { followRoutes } from './routes/follow.ts';
import { adminRoutes } from './routes/admin.ts';
import { reportRoutes } from './routes/reports.ts';
import { kioskRoutes } from './routes/kiosk.ts';
import { noticeRoutes } from './routes/notices.ts';
import { outletRoutes } from './routes/outlets.ts';
import { staffRoutes } from './routes/staff.ts';
import { systemRoutes } from './routes/system.ts';
import type { SmsProvider } from './sms/provider.ts';
import type { WechatConfig } from './wechat/config.ts';

export interface AppDeps {
  database: DatabaseHandle;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  privacy: PersonalDataCipher;
  /** Signs and checks the tokens in vouchers' QR codes (key derived from the same master key as `privacy`). */
  vouchers: VoucherSigner;
  rateLimits: RateLimits;
  wechat: WechatConfig;
  sms: SmsProvider;
  live: LiveChannel;
  /** The public base URL, when the server sits behind a proxy that hides it. */
  publicUrl?: string | undefined;
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
      // A route that sets its own (the sandboxed power-of-attorney file) keeps it.
      overwrite: false,
    }),
  );
  const jsonBodyLimit = bodyLimit({ maxSize: JSON_BODY_LIMIT, onError: () => { throw new AppError('payload_too_large'); } });
  // The power-of-attorney upload has its own, larger limit (server/routes/firms.ts).
  app.use(function limitBody(c, next) {
    return ATTORNEY_UPLOAD_PATH.test(c.req.path) ? next() : jsonBodyLimit(c, next);
  });
  // U+0000 or a lone surrogate anywhere in a query, path or JSON body was a 500 from the database;
  // refused as 400 instead (the upload is binary, and its body is not read whole here).
  const storableText = refuseUnstorableText();
  app.use(function refuseUnstorable(c, next) {
    return ATTORNEY_UPLOAD_PATH.test(c.req.path) ? next() : storableText(c, next);
  });
  // Form posts from another origin are refused outright; JSON from another origin needs a CORS
  // preflight, which this server never grants; cookie sessions also need their CSRF token.
  app.use(csrf());
  app.use(resolvePrincipal({ db: deps.database.db, clock: deps.clock }));

  app.route('/', systemRoutes({ database: deps.database, metrics: deps.metrics }));
  app.route('/', citizenRoutes(deps));
  app.route('/', staffRoutes(deps));
  app.route('/', deviceRoutes(deps));
  app.route('/', outletRoutes(deps));
  app.route('/', catalogueRoutes(deps));
  app.route('/', bookingRoutes(deps));
  app.route('/', firmRoutes(deps));
  app.route('/', agentReviewRoutes(deps));
  app.route('/', noticeRoutes(deps));
  app.route('/', kioskRoutes(deps));
  app.route('/', counterRoutes(deps));
  app.route('/', followRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', reportRoutes(deps));

  app.doc('/openapi.json', API_INFO);
  if (deps.webRoot) mountPages(app, deps.webRoot);

  app.notFound((c) => c.json(errorBody('not_found', c.get('requestId') ?? ''), 404));
  app.onError(createErrorHandler(deps.logger));
  return app;
}

export type App = ReturnType<typeof createApp>;
