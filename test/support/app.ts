/** Builds the real app for a test: real database, silent logger, a clock the test controls. */
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import type { DestinationStream } from 'pino';
import type { DatabaseHandle } from '../../db/client.ts';
import { createApp } from '../../server/app.ts';
import { fixedClock } from '../../server/clock.ts';
import { keepConnectionsAlive } from '../../server/http/keep-alive.ts';
import { createMetrics } from '../../server/http/metrics.ts';
import { createRateLimits } from '../../server/http/rate-limit.ts';
import { createLogger } from '../../server/logger.ts';
import { createVoucherSigner } from '../../server/booking/voucher-token.ts';
import { createPersonalDataCipher } from '../../server/privacy/personal-data.ts';
import { attachRealtime, type LobbyIo } from '../../server/realtime/io.ts';
import { createLiveChannel } from '../../server/realtime/live.ts';
import { createDevelopmentSmsProvider } from '../../server/sms/development.ts';
import type { WechatConfig } from '../../server/wechat/config.ts';
import { WEB_ROOT } from '../../server/web-build.ts';

/** Nothing listens on the discard port: a test that needs WeChat starts the fake and passes its config. */
const UNREACHABLE_WECHAT: WechatConfig = { appid: 'wx-test', secret: 'test-secret', oauthBase: 'http://127.0.0.1:9', apiBase: 'http://127.0.0.1:9' };

export interface TestAppOptions {
  now?: string;
  wechat?: WechatConfig;
  /** The personal data key; tests that inspect stored values pass their own. */
  dataKey?: Buffer;
  /** Where log lines go (tests that inspect the log); silent otherwise. */
  logTo?: DestinationStream;
}

export function testApp(database: DatabaseHandle, options: TestAppOptions = {}) {
  const clock = fixedClock(options.now ?? '2026-11-23T09:00:00+08:00');
  const logger = createLogger({ level: options.logTo ? 'debug' : 'silent', ...(options.logTo ? { destination: options.logTo } : {}) });
  const dataKey = options.dataKey ?? randomBytes(32);
  const privacy = createPersonalDataCipher(dataKey);
  const vouchers = createVoucherSigner(dataKey);
  const live = createLiveChannel();
  const app = createApp({
    database, clock, logger, privacy, vouchers, live,
    metrics: createMetrics(),
    rateLimits: createRateLimits(database.db),
    wechat: options.wechat ?? UNREACHABLE_WECHAT,
    sms: createDevelopmentSmsProvider({ db: database.db, privacy, logger }),
    webRoot: WEB_ROOT,
  });
  return { app, clock, logger, privacy, vouchers, live };
}

export interface RunningServer {
  url: string;
  port: number;
  io: LobbyIo;
  close(): Promise<void>;
}

/** The app on a real port (0 picks a free one) with socket.io attached, as server/main.ts wires it. */
export async function startTestServer(database: DatabaseHandle, options: TestAppOptions & { databaseUrl?: string } = {}): Promise<RunningServer & ReturnType<typeof testApp>> {
  const built = testApp(database, options);
  const httpServer = await new Promise<HttpServer>((resolve) => {
    const server = serve({ fetch: built.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(server as HttpServer));
  });
  keepConnectionsAlive(httpServer);
  const realtime = attachRealtime(httpServer, { db: database.db, clock: built.clock, logger: built.logger, databaseUrl: options.databaseUrl });
  built.live.bind(realtime.io);
  const port = (httpServer.address() as AddressInfo).port;
  return { ...built, url: `http://127.0.0.1:${port}`, port, io: realtime.io, close: realtime.close };
}
