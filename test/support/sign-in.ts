/** Signing staff in from a test, over `app.request` or a real server's URL. */
import { STAFF_COOKIE } from '../../server/auth/sessions.ts';
import { DEMO_PASSWORD } from '../../server/demo-data.ts';

type Fetcher = (path: string, init?: RequestInit) => Promise<Response> | Response;

export interface StaffSession {
  /** `lobby_staff=…`, for a `cookie` header. */
  cookie: string;
  csrfToken: string;
  /** Headers for a state-changing JSON request with this session. */
  headers: Record<string, string>;
}

/** The session cookie a response set, as `name=value`. */
export function sessionCookie(res: Response): string | undefined {
  const match = new RegExp(`${STAFF_COOKIE}=([^;]*)`).exec(res.headers.get('set-cookie') ?? '');
  return match?.[1] ? `${STAFF_COOKIE}=${match[1]}` : undefined;
}

export function signInRequest(fetcher: Fetcher, username: string, password: string, ip = '10.0.0.1'): Promise<Response> {
  return Promise.resolve(fetcher('/api/staff/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password }),
  }));
}

/** Signs in with the demo password; throws unless it worked. */
export async function signIn(fetcher: Fetcher, username: string, ip = '10.0.0.1'): Promise<StaffSession> {
  const res = await signInRequest(fetcher, username, DEMO_PASSWORD, ip);
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  const cookie = sessionCookie(res)!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'x-forwarded-for': ip } };
}

/** `app.request` bound to one app, or `fetch` against a running server's base URL. */
export function fetcherFor(target: { request: (path: string, init?: RequestInit) => Response | Promise<Response> } | string): Fetcher {
  return typeof target === 'string' ? (path, init) => fetch(`${target}${path}`, init) : (path, init) => target.request(path, init);
}
