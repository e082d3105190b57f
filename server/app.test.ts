import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type DatabaseHandle } from '../db/client.ts';
import { describeOnDatabases } from '../test/support/databases.ts';
import { testApp } from '../test/support/app.ts';

describeOnDatabases('system routes', (ctx) => {
  it('answers /healthz with the database it reached', async () => {
    const { app } = testApp(ctx.database);
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: ctx.kind });
  });

  it('counts requests and their latency in /metrics by route pattern', async () => {
    const { app } = testApp(ctx.database);
    await app.request('/healthz');
    await app.request('/healthz');
    await app.request('/no/such/page');
    const text = await (await app.request('/metrics')).text();
    expect(text).toMatch(/lobby_http_requests_total\{method="GET",route="\/healthz",status="200"\} 2/);
    expect(text).toMatch(/lobby_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 2/);
    expect(text).toMatch(/status="404"/);
    expect(text).not.toMatch(/no\/such\/page/);
  });
});

describe('errors and the API description', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openPglite();
  });
  afterAll(async () => {
    await database.close();
  });

  it('publishes a valid OpenAPI 3 document in which every route declares its access', async () => {
    const { app } = testApp(database);
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.openapi).toMatch(/^3\./);
    const result = await new Validator().validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) expect(operation['x-access']).toBeInstanceOf(Array);
  });

  it('answers an unknown path with the one error shape', async () => {
    const { app } = testApp(database);
    const res = await app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toMatchObject({ code: 'not_found', message: expect.any(String), messageEn: expect.any(String) });
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const { app } = testApp(database);
    const res = await app.request('/healthz', { method: 'POST', body: 'x'.repeat(200_000), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const { app } = testApp(database);
    const res = await app.request('/healthz');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline\'; script');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('says 503 database_unavailable, not 500, when the database is gone', async () => {
    const gone = await openPglite();
    const { app } = testApp(gone);
    await gone.close();
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'database_unavailable' });
  });
});
