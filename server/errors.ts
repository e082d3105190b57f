/**
 * One error type with a stable code, and the one handler that turns any error into
 * `{ code, message, messageEn, requestId }`. Unknown errors are logged in full and shown sanitized.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ERRORS, type ErrorBody, type ErrorCode } from '../common/errors.ts';
import type { Logger } from './logger.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  /** Sent as `Retry-After` (rate limits, lockouts). */
  readonly retryAfterSeconds: number | undefined;
  /**
   * The sentences for this very case ("your booking 123456789012 holds the number"), replacing the
   * code's general ones; the code stays the contract.
   */
  readonly sentence: { zh: string; en: string } | undefined;
  /** What the sentence names, for the page to use (`until`, `appointmentNo`, ...). */
  readonly details: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      fields?: Record<string, string>; cause?: unknown; detail?: string; retryAfterSeconds?: number;
      sentence?: { zh: string; en: string }; details?: Record<string, string>;
    } = {},
  ) {
    super(options.detail ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.sentence = options.sentence;
    this.details = options.details;
  }

  get status(): ContentfulStatusCode {
    return ERRORS[this.code].status as ContentfulStatusCode;
  }
}

/** Connection-level failures: the database is down or unreachable, not a bug in a query. */
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT', 'CONNECTION_DESTROYED']);
const UNAVAILABLE_SQLSTATE = /^(08|57P0)/; // connection exceptions, admin/crash shutdown

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_ERRNOS.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  }
  return false;
}

/** The SQLSTATE of a database error, looking through drizzle's wrapping (`err.cause.code`). */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The constraint a database error names (PGlite says `constraint`, postgres.js `constraint_name`). */
export function constraintName(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { constraint, constraint_name: constraintNameField } = e as { constraint?: unknown; constraint_name?: unknown };
    const name = constraint ?? constraintNameField;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

export function errorBody(
  code: ErrorCode, requestId: string, fields?: Record<string, string>,
  specific: { sentence?: { zh: string; en: string } | undefined; details?: Record<string, string> | undefined } = {},
): ErrorBody {
  const entry = specific.sentence ?? ERRORS[code];
  return {
    code, message: entry.zh, messageEn: entry.en, requestId,
    ...(fields ? { fields } : {}),
    ...(specific.details ? { details: specific.details } : {}),
  };
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError('database_unavailable', { cause: error });
  if (error instanceof HTTPException) {
    const byStatus: Partial<Record<number, ErrorCode>> = {
      400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found',
      413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited',
    };
    const code = byStatus[error.status];
    return code ? new AppError(code, { cause: error }) : undefined;
  }
  return undefined;
}

export function createErrorHandler(logger: Logger) {
  return function handleError(error: Error, c: Context) {
    const requestId = c.get('requestId') ?? '';
    const known = toAppError(error);
    if (known) {
      if (known.code === 'database_unavailable') logger.warn({ requestId, err: error }, 'database unavailable');
      if (known.retryAfterSeconds !== undefined) c.header('Retry-After', String(known.retryAfterSeconds));
      return c.json(errorBody(known.code, requestId, known.fields, { sentence: known.sentence, details: known.details }), known.status);
    }
    logger.error({ requestId, err: error, path: c.req.path }, 'unhandled error');
    return c.json(errorBody('internal', requestId), 500);
  };
}
