/**
 * The browser's way to the portal API: JSON in and out, the session cookie sent along, and the
 * CSRF token (from `GET /api/auth/session`) on every state-changing request. Every failure is an
 * ApiError carrying the contract's code and the pointer of each bad field, so a page shows the
 * errors next to their fields without parsing messages.
 */
export interface ErrorDetail {
  pointer: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** The whole error object, for answers that carry more (e.g. a binding token). */
    readonly body: Record<string, unknown> = {},
    /** From `Retry-After` on a 429 (`locked`, `code_throttled`): how long to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;
let language = 'zh-CN';

/** The language the API answers in (messages and titles). */
export function setApiLanguage(locale: string): void {
  language = locale;
}

/** Forgets the CSRF token, e.g. after logout; the next write fetches a new one. */
export function resetCsrfToken(token: string | null = null): void {
  csrfToken = token;
}

export async function apiGet<T>(path: string): Promise<T> {
  return request<T>('GET', path);
}

export async function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return request<T>('POST', path, body);
}

/**
 * Posts JSON text exactly as written (a definition bundle), so that the line and column of each
 * lint finding point into the file the person chose, not into a re-serialisation of it.
 */
export async function apiPostJsonText<T>(path: string, jsonText: string): Promise<T> {
  return request<T>('POST', path, new JsonText(jsonText));
}

/** A body that is already JSON text. */
class JsonText {
  constructor(readonly text: string) {}
}

export async function apiPut<T>(path: string, body?: unknown): Promise<T> {
  return request<T>('PUT', path, body);
}

export async function apiDelete<T>(path: string): Promise<T> {
  return request<T>('DELETE', path);
}

/** Sends a multipart form (a material upload); `onProgress` receives 0..1. */
export async function apiUpload<T>(
  path: string,
  form: FormData,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  const token = await ensureCsrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.setRequestHeader('Accept-Language', language);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const parsed = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(errorFrom(xhr.status, parsed));
    };
    xhr.onerror = () => reject(networkError());
    xhr.send(form);
  });
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = await ensureCsrfToken();
  let response: Response;
  try {
    const payload =
      body === undefined ? undefined : body instanceof JsonText ? body.text : JSON.stringify(body);
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (response.status === 204) return undefined as T;
  const parsed = parseJson(await response.text());
  if (!response.ok) throw errorFrom(response.status, parsed, response.headers.get('Retry-After'));
  rememberCsrfToken(parsed);
  return parsed as T;
}

async function ensureCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  const session = await request<{ csrfToken: string }>('GET', '/api/auth/session');
  csrfToken = session.csrfToken;
  return csrfToken;
}

/** Logins and the session route hand out a new token with the new session. */
function rememberCsrfToken(body: unknown): void {
  const token = (body as { csrfToken?: unknown } | null)?.csrfToken;
  if (typeof token === 'string') csrfToken = token;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorFrom(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  if (!error) return new ApiError(status, 'http_error', `HTTP ${status}`);
  const details = Array.isArray(error.details) ? (error.details as ErrorDetail[]) : [];
  if (error.code === 'csrf_token_invalid') csrfToken = null;
  const wait = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  const message = String(error.message ?? '');
  return new ApiError(status, String(error.code), message, details, error, wait);
}

function networkError(): ApiError {
  return new ApiError(0, 'network_error', 'the portal cannot be reached; check the connection');
}
