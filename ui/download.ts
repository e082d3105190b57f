/**
 * Downloads a file the server makes (a CSV report) and hands it to the browser to save.
 *
 *   const result = await downloadFile('/api/reports/history.csv?from=…', 'history.csv');
 *   if (!result.ok) show(failureText(result));
 *
 * Fetched rather than linked: a plain link that fails (offline, a session gone, a wrong period)
 * would save the error page as the "CSV"; fetched, the failure is a result the page can say.
 */
import type { ErrorBody } from '../common/errors.ts';
import type { ApiFailure, ApiResult } from './api.ts';

/** The file name the server gave in `Content-Disposition`, else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

export async function downloadFile(path: string, fallbackName: string): Promise<ApiResult<{ fileName: string }>> {
  if (!navigator.onLine) return { ok: false, kind: 'offline' };
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'text/csv, application/json' } });
  } catch {
    return { ok: false, kind: 'offline' };
  }
  if (!response.ok) return failureOf(response);
  const fileName = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the blob to the download; a tick later nothing needs the URL.
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  }
  return { ok: true, data: { fileName } };
}

/** The server's error body when it sent one (as every API error is), else the bare status. */
async function failureOf(response: Response): Promise<ApiFailure> {
  const body: unknown = response.headers.get('Content-Type')?.includes('json') ? await response.json().catch(() => undefined) : undefined;
  if (typeof body === 'object' && body !== null) {
    const { code, message, messageEn, requestId } = body as Record<string, unknown>;
    if ([code, message, messageEn, requestId].every((field) => typeof field === 'string')) {
      return { ok: false, kind: 'server', status: response.status, error: body as ErrorBody };
    }
  }
  return { ok: false, kind: 'http', status: response.status };
}
