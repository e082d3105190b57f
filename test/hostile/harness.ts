/**
 * How a hostile case is run and judged. A case is data: a request and the error codes it may get.
 * The runner sends it over real HTTP and insists on what issue 10 asks of every refusal: a 4xx with
 * that status and a stable code from common/errors.ts in the one error shape, no 5xx, nothing in
 * the body that tells how the server is built (stack frames, file paths, SQL, error class names),
 * and nothing written: a fingerprint of every table (count and digest of its rows) is the same
 * before and after, except the rate limits' counters (which count refusals on purpose) and the
 * tables a case names.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { ERRORS, type ErrorCode } from '../../common/errors.ts';
import type { DatabaseHandle } from '../../db/client.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface HttpCase {
  /** The family it belongs to, for the count by family. */
  family: string;
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  /** Sent as JSON (with `content-type: application/json` unless `headers` say otherwise). */
  json?: unknown;
  /** Sent as it is. */
  raw?: string | Uint8Array;
  /** The codes a correct server may answer with; the status must be that code's. */
  expect: ErrorCode | readonly ErrorCode[];
  /** Tables this refusal writes by design (e.g. `audit_log` for a failed sign-in). */
  mayWrite?: readonly string[];
}

/** Tables that change on every refusal by design: the rate limiters' counters. */
const ALWAYS_WRITTEN = new Set(['rate_limits']);

type Rows<T> = T[] | { rows: T[] };
const rowsOf = <T>(result: Rows<T>): T[] => (Array.isArray(result) ? result : result.rows);

const tableNames = new WeakMap<DatabaseHandle, Promise<string[]>>();

function tablesOf(database: DatabaseHandle): Promise<string[]> {
  let names = tableNames.get(database);
  if (!names) {
    names = database.db.execute<{ name: string }>(
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    ).then((result) => rowsOf(result as Rows<{ name: string }>).map((t) => t.name).filter((name) => !ALWAYS_WRITTEN.has(name)));
    tableNames.set(database, names);
  }
  return names;
}

/**
 * Each table's row count and an order-free digest of its rows (the sum of each row's hash):
 * `{ bookings: '3:-8312…' }`. One statement; a tenth of what md5 over sorted rows costs on PGlite.
 */
export async function fingerprint(database: DatabaseHandle): Promise<Record<string, string>> {
  const query = (await tablesOf(database))
    .map((name) => `select '${name}' as name, count(*)::int as n, coalesce(sum(hashtext(t::text)::bigint), 0)::text as digest from "${name}" t`)
    .join(' union all ');
  const rows = rowsOf(await database.db.execute<{ name: string; n: number; digest: string }>(sql.raw(query)) as Rows<{ name: string; n: number; digest: string }>);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.digest}`]));
}

/** Every table of the database, `rate_limits` included: a dropped table shows here. */
export async function tableList(database: DatabaseHandle): Promise<string[]> {
  const result = await database.db.execute<{ name: string }>(
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
  );
  return rowsOf(result as Rows<{ name: string }>).map((t) => t.name);
}

/** The tables whose fingerprint differs, less those allowed to. */
export function changedTables(before: Record<string, string>, after: Record<string, string>, allowed: readonly string[] = []): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name] && !allowed.includes(name)).sort();
}

/**
 * What an error body must not hold: stack frames, source paths, SQL, driver and error class names.
 * `payloads` (what the request sent) are taken out first, so an echoed field is not mistaken for a leak.
 */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>]+ \(|\bat (?:file:|node:|\/)/],
  ['source path', /\/work\/|\/home\/|node_modules|\.(?:ts|js|mjs|cjs):\d+/],
  ['SQL', /\b(?:select|insert|update|delete)\b[\s\S]{1,200}\b(?:from|into|set|where)\b|failed query|syntax error at|SQLSTATE|relation "|violates .*constraint/i],
  ['error class', /\b(?:[A-Z][A-Za-z]*Error|Exception)\b\s*:|\bError:/],
  ['driver', /\b(?:drizzle|postgres\.js|pglite|PostgresError|ZodError|hono)\b/i],
];

export function leaksIn(text: string, payloads: readonly string[] = []): string[] {
  let scrubbed = text;
  for (const payload of payloads) if (payload.length >= 3) scrubbed = scrubbed.replaceAll(payload, '').replaceAll(JSON.stringify(payload).slice(1, -1), '');
  return LEAKS.filter(([, pattern]) => pattern.test(scrubbed)).map(([name]) => name);
}

/** Every string in a JSON value, keys included (what a request sent, to scrub from its answer). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}

export interface Answer {
  status: number;
  text: string;
  headers: Headers;
}

export async function send(baseUrl: string, c: Pick<HttpCase, 'method' | 'path' | 'headers' | 'json' | 'raw'>): Promise<Answer> {
  const headers = new Headers(c.headers);
  let body: BodyInit | undefined;
  if (c.json !== undefined) {
    body = JSON.stringify(c.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  } else if (typeof c.raw === 'string') {
    body = c.raw;
  } else if (c.raw !== undefined) {
    body = new Blob([new Uint8Array(c.raw)]);
  }
  const res = await fetch(`${baseUrl}${c.path}`, { method: c.method ?? (body === undefined ? 'GET' : 'POST'), headers, body, redirect: 'manual' });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** What is wrong with an answer to a case that must be refused; empty when nothing. */
export function judgeRefusal(c: HttpCase, answer: Answer): string[] {
  const problems: string[] = [];
  const allowed = (typeof c.expect === 'string' ? [c.expect] : c.expect) as readonly ErrorCode[];
  let body: { code?: unknown; message?: unknown; messageEn?: unknown; requestId?: unknown } = {};
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    problems.push(`not JSON: ${answer.text.slice(0, 120)}`);
  }
  const code = typeof body.code === 'string' ? body.code : undefined;
  if (answer.status >= 500) problems.push(`a ${answer.status}`);
  if (answer.status < 400 || answer.status >= 500) problems.push(`status ${answer.status}, wanted a 4xx`);
  if (!code || !(code in ERRORS)) problems.push(`no stable code (${String(body.code)})`);
  else {
    if (!allowed.includes(code as ErrorCode)) problems.push(`code ${code}, wanted ${allowed.join(' | ')}`);
    if (ERRORS[code as ErrorCode].status !== answer.status) problems.push(`status ${answer.status} for ${code} (${ERRORS[code as ErrorCode].status})`);
  }
  if (typeof body.message !== 'string' || typeof body.messageEn !== 'string' || typeof body.requestId !== 'string') problems.push('not the error shape');
  const leaks = leaksIn(answer.text, [...stringsIn(c.json), ...(typeof c.raw === 'string' ? [c.raw] : []), c.path]);
  if (leaks.length) problems.push(`leaks ${leaks.join(', ')}: ${answer.text.slice(0, 200)}`);
  if (code === 'rate_limited' || answer.status === 429) {
    if (!answer.headers.get('retry-after')) problems.push('429 without Retry-After');
  }
  return problems;
}

export interface CaseResult {
  family: string;
  name: string;
  status: number;
  code: string | undefined;
  problems: string[];
  /** How long the request took (the fingerprints not included). */
  ms: number;
}

/**
 * Cases between two fingerprints: a fingerprint costs more than most refusals, so cases go in
 * batches of this many (of the same `mayWrite`); `HOSTILE_EACH=1` fingerprints around every case,
 * to name the one that wrote.
 */
const BATCH = process.env.HOSTILE_EACH ? 1 : 8;

/**
 * Runs `cases` one after another and returns what went wrong with each (`family / name: problem`),
 * so a test can show every failure at once; a batch that wrote names its cases.
 */
export async function runRefusals(baseUrl: string, database: DatabaseHandle, cases: readonly HttpCase[]): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  let before = await fingerprint(database);
  let batch: { c: HttpCase; result: CaseResult }[] = [];
  const close = async () => {
    if (!batch.length) return;
    const after = await fingerprint(database);
    const written = changedTables(before, after, batch[0]!.c.mayWrite);
    if (written.length) {
      const names = batch.map((b) => b.c.name).join(' | ');
      for (const b of batch) b.result.problems.push(`wrote ${written.join(', ')}${batch.length > 1 ? ` (one of: ${names}; HOSTILE_EACH=1 tells which)` : ''}`);
    }
    before = after;
    batch = [];
  };
  for (const c of cases) {
    if (batch.length >= BATCH || (batch.length && (batch[0]!.c.mayWrite ?? []).join() !== (c.mayWrite ?? []).join())) await close();
    const started = performance.now();
    let answer: Answer;
    try {
      answer = await send(baseUrl, c);
    } catch (error) {
      const result: CaseResult = { family: c.family, name: c.name, status: 0, code: undefined, problems: [`request failed: ${String(error)}`], ms: performance.now() - started };
      results.push(result);
      batch.push({ c, result });
      continue;
    }
    const ms = performance.now() - started;
    let code: string | undefined;
    try {
      code = (JSON.parse(answer.text) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    const problems = judgeRefusal(c, answer);
    // An injected `pg_sleep(5)` that ran would hold the answer back that long.
    if (ms >= 5_000 && `${c.path}${JSON.stringify(c.json ?? '')}`.includes('pg_sleep')) problems.push(`took ${Math.round(ms)} ms: did pg_sleep run?`);
    const result: CaseResult = { family: c.family, name: c.name, status: answer.status, code, problems, ms };
    results.push(result);
    batch.push({ c, result });
  }
  await close();
  return results;
}

/** Fails with every problem listed, one a line. */
export function expectNoProblems(results: readonly CaseResult[]): void {
  const failures = results.filter((r) => r.problems.length).map((r) => `${r.family} / ${r.name}: ${r.problems.join('; ')}`);
  expect(failures).toEqual([]);
}

/** `{ family: count }`, for the report the suite prints. */
export function countByFamily(cases: readonly { family: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of cases) counts[c.family] = (counts[c.family] ?? 0) + 1;
  return counts;
}
