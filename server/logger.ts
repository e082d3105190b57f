/**
 * pino, with personal data removed before anything is written: known fields are redacted by path,
 * and every string is scanned for ID-number and phone shapes (see common/mask.ts), so a value that
 * slips into a message or an error is masked too.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import { maskPersonalData } from '../common/mask.ts';

export type { Logger };

const REDACT_PATHS = [
  'idNumber', '*.idNumber', 'phone', '*.phone', 'password', '*.password', 'code', '*.code',
  'token', '*.token', 'req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]',
];

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { type: value.name, message: maskPersonalData(value.message), stack: value.stack && maskPersonalData(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = scrub(item, depth + 1);
  return out;
}

export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'lobby' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      formatters: { log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        // Messages are strings pino writes as they are: mask them before they are formatted.
        logMethod(args, method) {
          method.apply(this, args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}
