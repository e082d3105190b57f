/**
 * The one place that wires real dependencies and opens a port: configuration, database, demo data,
 * front-end build, HTTP and socket.io on one port, and an orderly shutdown.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import path from 'node:path';
import { DataDirLockedError, openDatabase } from '../db/client.ts';
import { loadConfig, type Config } from './config.ts';
import { DEMO_GUIDE_CODE, DEMO_PASSWORD, hashDemoSecrets, seedDemoData, type DemoDevice, type SeedResult } from './demo-data.ts';
import { createVoucherSigner } from './booking/voucher-token.ts';
import { createLogger } from './logger.ts';
import { createRateLimits } from './http/rate-limit.ts';
import { keepConnectionsAlive } from './http/keep-alive.ts';
import { createPersonalDataCipher, developmentDataKey, parseDataKey } from './privacy/personal-data.ts';
import { createLiveChannel } from './realtime/live.ts';
import { createDevelopmentSmsProvider } from './sms/development.ts';
import type { WechatConfig } from './wechat/config.ts';
import { startFakeWechat } from './wechat/fake-server.ts';
import { ensureWebBuild, WEB_ROOT } from './web-build.ts';

function fail(message: string): never {
  console.error(`lobby: ${message}`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  fail((error as Error).message);
}

const logger = createLogger({ level: config.LOG_LEVEL });

// The slow parts of a start overlap: the database opens (file copies, off the main thread) and the
// demo secrets hash (scrypt, in the thread pool) while the rest of the server's modules load.
const demoSecrets = config.SEED_DEMO ? hashDemoSecrets() : undefined;
const [database, { createApp }, { attachRealtime }, { createMetrics }, { serve }, { systemClock }, { startJobs }] = await Promise.all([
  openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolMax: config.DATABASE_POOL_MAX }).catch((error: unknown) => {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }),
  import('./app.ts'),
  import('./realtime/io.ts'),
  import('./http/metrics.ts'),
  import('@hono/node-server'),
  import('./clock.ts'),
  import('./jobs/start.ts'),
  ensureWebBuild().then((built) => built && logger.info('front-ends rebuilt')),
]);

// The demo devices' tokens exist in plaintext only here, so later starts can print the same URLs.
const demoFile = path.join(config.dataDir, 'demo-devices.json');
let seeded: SeedResult | undefined;
if (config.SEED_DEMO) {
  seeded = await seedDemoData(database.db, demoSecrets);
  if (seeded) {
    writeFileSync(demoFile, JSON.stringify(seeded.devices, null, 2));
    chmodSync(demoFile, 0o600);
  }
}
const demoDevices: DemoDevice[] = existsSync(demoFile) ? JSON.parse(readFileSync(demoFile, 'utf8')) : [];

const dataKey = config.LOBBY_DATA_KEY ? parseDataKey(config.LOBBY_DATA_KEY) : developmentDataKey(config.dataDir);
const privacy = createPersonalDataCipher(dataKey);
const vouchers = createVoucherSigner(dataKey);
// Without the official account's credentials, a fake WeChat on loopback speaks the same protocol.
const fakeWechat = config.WECHAT_APPID ? undefined : await startFakeWechat({ port: config.FAKE_WECHAT_PORT });
const wechat: WechatConfig = fakeWechat
  ? { appid: fakeWechat.appid, secret: fakeWechat.secret, oauthBase: fakeWechat.url, apiBase: fakeWechat.url }
  : { appid: config.WECHAT_APPID!, secret: config.WECHAT_SECRET!, oauthBase: config.WECHAT_OAUTH_BASE, apiBase: config.WECHAT_API_BASE };
const live = createLiveChannel();
const app = createApp({
  database, clock: systemClock, logger, privacy, vouchers, live, wechat,
  metrics: createMetrics({ processMetrics: true }),
  rateLimits: createRateLimits(database.db),
  // Until a carrier is configured, SMS stays on this machine (log and outbox).
  sms: createDevelopmentSmsProvider({ db: database.db, privacy, logger }),
  publicUrl: config.PUBLIC_URL,
  webRoot: WEB_ROOT,
});
const httpServer = await new Promise<HttpServer>((resolve, reject) => {
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(server as HttpServer));
  server.once('error', reject);
}).catch((error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') fail(`port ${config.PORT} is in use: stop what uses it, or set PORT.`);
  throw error;
});
keepConnectionsAlive(httpServer);
const realtime = attachRealtime(httpServer, { db: database.db, clock: systemClock, logger, databaseUrl: config.DATABASE_URL });
live.bind(realtime.io);
// Benchmark only (`npm run bench`, issue 9): a loopback route that broadcasts with no database work,
// the floor the call-to-display figure is measured against. Mounted when LOBBY_BENCH_HOOKS=1, never otherwise.
if (process.env.LOBBY_BENCH_HOOKS === '1') {
  const { mountBenchHooks } = await import('./bench-hooks.ts');
  mountBenchHooks(httpServer, realtime.io, (error) => logger.error({ err: error }, 'bench hook failed'));
}

const address = httpServer.address();
const port = typeof address === 'object' && address ? address.port : config.PORT;
const base = `http://localhost:${port}`;
// The outbox worker and the daily reminders; stopped before the database closes.
const jobs = startJobs({
  db: database.db, clock: systemClock, logger, wechat, privacy,
  sms: createDevelopmentSmsProvider({ db: database.db, privacy, logger }),
  pageUrl: `${(config.PUBLIC_URL ?? base).replace(/\/+$/, '')}/h5/`,
  firstRunDelayMs: 3_000,
});
// Handlers before the banner: whoever reads the banner may stop the process at once (a test does).
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await realtime.close(); // closes the HTTP server too
  await jobs.stop();
  await fakeWechat?.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
const deviceUrl = (kind: DemoDevice['kind']) => {
  const device = demoDevices.find((d) => d.kind === kind);
  return device ? `#device=${device.token}` : '';
};
console.log(
  [
    '',
    `Lobby is ready in ${Math.round(process.uptime() * 1000)} ms (${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}${seeded ? ', demo data seeded' : ''})`,
    '',
    `  WeChat H5 (citizens)   ${base}/h5/`,
    `  Kiosk (lobby)          ${base}/kiosk/${deviceUrl('kiosk')}`,
    `  Display (lobby)        ${base}/display/${deviceUrl('display')}`,
    `  Console (staff)        ${base}/console/`,
    `  API description        ${base}/openapi.json`,
    ...(fakeWechat ? [`  Fake WeChat (dev)      ${fakeWechat.url}/  (no WECHAT_APPID: sign-in picks a demo WeChat user)`] : []),
    '',
    ...(config.SEED_DEMO
      ? [
          `  Demo logins (password ${DEMO_PASSWORD}): admin, supervisor, clerk, clerk2, guide, point-clerk`,
          `  Demo guide code at the kiosk: ${DEMO_GUIDE_CODE}`,
          '',
        ]
      : []),
  ].join('\n'),
);

