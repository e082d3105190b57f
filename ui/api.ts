/**
 * JSON requests to our own server (or a file: a `Blob`/`File` body is sent as it is, with its own
 * type), returning a result instead of throwing, so every page tells "no network" apart from
 * "the server said no":
 *
 *   const result = await apiRequest('/healthz', { parse: parseHealth });
 *   if (!result.ok && result.kind === 'offline') ...
 */
import type { ErrorBody } from '../common/errors.ts';
import type { Text } from './i18n.ts';

export type ApiFailure =
  /** The request never reached the server. */
  | { ok: false; kind: 'offline' }
  /** The server answered with our error body (and `Retry-After`, in seconds, when it sent one). */
  | { ok: false; kind: 'server'; status: number; error: ErrorBody; retryAfterSeconds?: number }
  /** Anything else: a proxy's error page, or a success body of the wrong shape. */
  | { ok: false; kind: 'http'; status: number };

export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON; a `Blob` (a `File`) is sent as raw bytes with its own type (else `application/octet-stream`). */
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers: `x-csrf-token` for a staff session, `Authorization` for a device. */
  headers?: Record<string, string>;
  /** `omit` for devices, whose token is their only identity (a staff cookie in the same browser must not count). */
  credentials?: RequestCredentials;
  /** Checks the success body's shape and types it; throwing means the shape is wrong. */
  parse: (body: unknown) => T;
}

/** Rejects only when `signal` aborts the request. */
export async function apiRequest<T>(path: string, options: RequestOptions<T>): Promise<ApiResult<T>> {
  if (!navigator.onLine) return { ok: false, kind: 'offline' };
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const file = options.body instanceof Blob ? options.body : undefined;
  if (options.body !== undefined) headers['Content-Type'] = file ? file.type || 'application/octet-stream' : 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: file ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      credentials: options.credentials ?? 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, kind: 'offline' };
  }

  const body = await readJson(response);
  if (response.ok) {
    try {
      return { ok: true, data: options.parse(body) };
    } catch {
      return { ok: false, kind: 'http', status: response.status };
    }
  }
  if (!isErrorBody(body)) return { ok: false, kind: 'http', status: response.status };
  const retryAfter = Number(response.headers.get('Retry-After'));
  return retryAfter > 0
    ? { ok: false, kind: 'server', status: response.status, error: body, retryAfterSeconds: retryAfter }
    : { ok: false, kind: 'server', status: response.status, error: body };
}

async function readJson(response: Response): Promise<unknown> {
  if (!response.headers.get('Content-Type')?.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message, messageEn, requestId } = body as Record<string, unknown>;
  return [code, message, messageEn, requestId].every((field) => typeof field === 'string');
}

export const OFFLINE: Text = { zh: '无法连接服务器，请检查网络后重试。', en: 'The server cannot be reached. Check the network and try again.' };

/** What to tell a person about a failed request, in both languages. */
export function failureText(failure: ApiFailure): Text {
  switch (failure.kind) {
    case 'offline':
      return OFFLINE;
    case 'http':
      return { zh: `服务器暂时无法处理（${failure.status}），请稍后再试。`, en: `The server could not handle this (${failure.status}). Try again shortly.` };
    case 'server':
      return { zh: failure.error.message, en: failure.error.messageEn };
  }
}
