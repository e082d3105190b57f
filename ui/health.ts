/** The server's health check, `GET /healthz`: 200 with this body, or 503 with an error body. */
import { apiRequest, type ApiResult } from './api.ts';

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
}

export function parseHealth(body: unknown): Health {
  const { status, database } = (body ?? {}) as Record<string, unknown>;
  if (status !== 'ok' || (database !== 'pglite' && database !== 'postgres')) {
    throw new TypeError('not a health body');
  }
  return { status, database };
}

export function fetchHealth(signal?: AbortSignal): Promise<ApiResult<Health>> {
  return apiRequest('/healthz', { parse: parseHealth, signal });
}
