/**
 * Refuses, at the door, text that PostgreSQL cannot store: U+0000 (text and jsonb refuse it,
 * SQLSTATE 22021/22P05) and UTF-16 surrogates without their pair (jsonb refuses them, 22P02).
 * Without this, such a character in any field, query or path reached the database and came back
 * as a 500 (found by the hostile-input corpus, test/hostile). Refused as `bad_request` (400) before
 * any handler runs, so nothing is written.
 */
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const JSON_TYPE = /^application\/([a-z.-]+\+)?json/i;

/** Whether `value` (any JSON value, keys included) holds a string PostgreSQL cannot store. */
export function hasUnstorableText(value: unknown): boolean {
  // A loop, not recursion: a 64 KB body can nest 30,000 arrays deep.
  const pending: unknown[] = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (UNSTORABLE.test(next)) return true;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, inner] of Object.entries(next)) {
        if (UNSTORABLE.test(key)) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/** Whether a path or query holds such text once decoded, each segment and parameter by itself. */
function unstorableInUrl(url: URL): boolean {
  const pieces = [...url.pathname.split('/'), ...url.search.slice(1).split(/[&=]/)];
  return pieces.some((piece) => {
    try {
      return UNSTORABLE.test(decodeURIComponent(piece.replaceAll('+', ' ')));
    } catch {
      // A malformed escape stays as it is (hono does the same), and as such it is storable.
      return false;
    }
  });
}

export function refuseUnstorableText() {
  return createMiddleware<AppEnv>(async function refuseUnstorableTextMiddleware(c, next) {
    if (unstorableInUrl(new URL(c.req.url))) throw new AppError('bad_request');
    if (JSON_TYPE.test(c.req.header('content-type') ?? '')) {
      // hono keeps the text, so the route's validator reads it again without another read of the stream.
      const text = await c.req.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: the route's validator answers `bad_request` as for any other broken body.
      }
      if (hasUnstorableText(body)) throw new AppError('bad_request');
    }
    await next();
  });
}
