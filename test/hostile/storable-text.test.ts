/**
 * The door that keeps text PostgreSQL cannot store away from it (server/http/storable-text.ts),
 * without a database: what counts as unstorable, where it is looked for, and what passes.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../server/errors.ts';
import type { AppEnv } from '../../server/http/env.ts';
import { hasUnstorableText, refuseUnstorableText } from '../../server/http/storable-text.ts';
import { createLogger } from '../../server/logger.ts';

describe('text PostgreSQL cannot store', () => {
  it('is U+0000 and a surrogate without its pair, in values and keys at any depth', () => {
    expect(hasUnstorableText({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(hasUnstorableText({ ['k\u0000']: 'v' })).toBe(true);
    expect(hasUnstorableText(['\ud800'])).toBe(true);
    expect(hasUnstorableText('\udc00x')).toBe(true);
    expect(hasUnstorableText('😀 \ud83d\ude00 名字 \u202e')).toBe(false);
    expect(hasUnstorableText({ n: 1, b: true, z: null })).toBe(false);
    // Deeper than a recursive walk could go.
    expect(hasUnstorableText(JSON.parse(`${'['.repeat(30_000)}"\\u0000"${']'.repeat(30_000)}`))).toBe(true);
  });

  const app = new Hono<AppEnv>()
    .use(refuseUnstorableText())
    .all('*', async (c) => c.json({ body: c.req.header('content-type')?.includes('json') ? await c.req.json<unknown>() : null }))
    .onError(createErrorHandler(createLogger({ level: 'silent' })));
  const status = async (path: string, init?: RequestInit) => (await app.request(path, init)).status;

  it('is refused as 400 in a path segment, a query parameter or a JSON body, and anything else passes to the route', async () => {
    expect(await status('/api/follow/abc%00def')).toBe(400);
    expect(await status('/api/notices?outletId=%00')).toBe(400);
    // One malformed escape does not hide the next parameter.
    expect(await status('/api/notices?x=%ZZ&outletId=%00')).toBe(400);
    expect(await status('/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":{"zh":"a\\u0000"}}' })).toBe(400);
    expect(await status('/api/x', { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"a":"\\ud800"}' })).toBe(400);

    expect(await status('/api/notices?outletId=%ED%A0%80')).toBe(200);
    expect(await status('/api/follow/%E4%BD%A0%E5%A5%BD')).toBe(200);
    const res = await app.request('/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":"\\\\u0000 is written like this"}' });
    expect([res.status, await res.json()]).toEqual([200, { body: { a: '\\u0000 is written like this' } }]);
  });
});
