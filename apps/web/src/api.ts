/**
 * The one way the web app talks to the API: a bearer token held in memory (and in this tab's
 * sessionStorage, cleared at logout), problem+json errors as ApiError, and read-your-writes:
 * after a write every read waits for the read models to include it (?minPosition=).
 */

export interface FieldError {
  field: string;
  in: string;
  messages: string[];
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  currentRevision?: number | null;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface Written {
  data: Record<string, unknown>;
  etag: string | null;
}

let token: string | null = null;
let position = 0n;
let unauthorized: () => void = () => undefined;

export function setToken(value: string | null): void {
  token = value;
  position = 0n;
}

/** What to do when the API says the token is no longer valid (401): back to the login page. */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

function url(path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (position > 0n) params.set('minPosition', position.toString());
  const search = params.toString();
  return `/api/v1${path}${search ? `${path.includes('?') ? '&' : '?'}${search}` : ''}`;
}

async function request(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      cache: 'no-store',
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers },
    });
  } catch {
    throw new ApiError({
      type: 'about:blank',
      title: 'Geen verbinding',
      status: 0,
      detail: 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    });
  }
  if (!res.ok) {
    const problem = await res
      .json()
      .then((body: Problem) => body)
      .catch(() => ({
        type: 'about:blank',
        title: res.statusText,
        status: res.status,
        detail: `De server antwoordde ${res.status}.`,
      }));
    if (res.status === 401 && token) unauthorized();
    throw new ApiError({ ...problem, status: res.status });
  }
  const written = res.headers.get('X-Log-Position');
  if (written && /^\d+$/.test(written) && BigInt(written) > position) position = BigInt(written);
  return res;
}

export async function get<T>(path: string, query?: Record<string, string | undefined>): Promise<T> {
  const res = await request(url(path, query), { headers: { Accept: 'application/json' } });
  return (await res.json()) as T;
}

export async function send(
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  options: { ifMatch?: string } = {},
): Promise<Written> {
  const res = await request(`/api/v1${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      ...(options.ifMatch ? { 'If-Match': options.ifMatch } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    data: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    etag: res.headers.get('ETag'),
  };
}

/** Downloads a CSV answer as a file, named as the API names it. */
export async function downloadCsv(
  path: string,
  query: Record<string, string | undefined>,
): Promise<string> {
  const res = await request(url(path, { ...query, formaat: 'csv' }), {
    headers: { Accept: 'text/csv' },
  });
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'cijfers.csv';
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
  return filename;
}

/** A human sentence for an error, field errors included. */
export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.problem.errors
      ?.map((e) => `${e.field}: ${e.messages.join(', ')}`)
      .join('; ');
    return fields && error.status === 400 ? `Controleer de invoer. ${fields}` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
