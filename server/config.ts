/**
 * The environment, validated once at start-up. A wrong value stops the process with a message
 * that names the variable, rather than failing later in a request.
 */
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP and socket.io share this port. */
  PORT: port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Where the embedded database (and, in development, generated keys) live. */
  DATA_DIR: z.string().default('./data'),
  /** `postgres://...`: use real PostgreSQL instead of embedded PGlite. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seed the demo outlets, services, staff and devices into an empty database. */
  SEED_DEMO: z.stringbool().default(true),
  /** 32 bytes (hex or base64) that encrypt ID numbers and phones; development makes one in DATA_DIR. */
  LOBBY_DATA_KEY: z.string().optional(),
  /** The public base URL (`https://lobby.example.gov.cn`), for links that leave the site (WeChat redirects). */
  PUBLIC_URL: z.url().optional(),
  /** The official account's credentials; without them a fake WeChat server runs on loopback. */
  WECHAT_APPID: z.string().optional(),
  WECHAT_SECRET: z.string().optional(),
  WECHAT_OAUTH_BASE: z.url().default('https://open.weixin.qq.com'),
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  /** Port of the fake WeChat server in development (0 picks a free port). */
  FAKE_WECHAT_PORT: port.default(0),
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === 'production' && !env.LOBBY_DATA_KEY) {
    ctx.addIssue({ code: 'custom', path: ['LOBBY_DATA_KEY'], message: 'required in production' });
  }
  if (Boolean(env.WECHAT_APPID) !== Boolean(env.WECHAT_SECRET)) {
    ctx.addIssue({ code: 'custom', path: ['WECHAT_SECRET'], message: 'WECHAT_APPID and WECHAT_SECRET go together' });
  }
});

export type Config = z.infer<typeof configSchema> & { dataDir: string };

/** Parses `env`; throws an error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
