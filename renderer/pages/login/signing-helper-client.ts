import type { SignedChallenge } from './certificate-login';

/** A certificate on an inserted USB key, as the signing helper lists it. */
export interface HelperCertificate {
  id: string;
  label: string;
  /** PEM, the certificate first, then its intermediate CA certificates. */
  certificate: string;
}

/** Why the helper could not be used; the login form words each in the page's language. */
export type SigningHelperProblem =
  'helper_unreachable' | 'helper_refused' | 'helper_answer_invalid';

export class SigningHelperError extends Error {
  constructor(
    readonly problem: SigningHelperProblem,
    /** The helper's HTTP status and error code, for `helper_refused`. */
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(code ? `${problem}: ${status} ${code}` : problem);
  }
}

/** The helper answers a list at once; one that does not within this is taken as absent. */
const listingTimeoutMs = 5_000;

/**
 * `GET {helperUrl}/certificates`: the certificates on the inserted keys. Throws
 * SigningHelperError: `helper_unreachable` when nothing answers (not installed, not running, or
 * not answering this portal's origin), `helper_refused` for an error status,
 * `helper_answer_invalid` for anything that is not such a list.
 */
export async function listHelperCertificates(helperUrl: string): Promise<HelperCertificate[]> {
  const signal = AbortSignal.timeout(listingTimeoutMs);
  const answer = await callHelper(`${helperUrl}/certificates`, { signal });
  if (!Array.isArray(answer) || !answer.every(isHelperCertificate)) {
    throw new SigningHelperError('helper_answer_invalid');
  }
  return answer;
}

/**
 * `POST {helperUrl}/sign {id, nonce}`: the helper asks for the PIN and signs the nonce's UTF-8
 * bytes on the key; no time limit, since the person is typing the PIN meanwhile. Throws
 * SigningHelperError as listHelperCertificates does (`helper_refused` also when the PIN dialog
 * was cancelled or the key pulled out).
 */
export async function signWithHelper(
  helperUrl: string,
  id: string,
  nonce: string,
): Promise<SignedChallenge> {
  const answer = await callHelper(`${helperUrl}/sign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ id, nonce }),
  });
  const { certificate, signature } = (answer ?? {}) as Record<string, unknown>;
  if (typeof certificate === 'string' && typeof signature === 'string') {
    return { certificate, signature };
  }
  throw new SigningHelperError('helper_answer_invalid');
}

async function callHelper(url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new SigningHelperError('helper_unreachable');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new SigningHelperError('helper_refused', response.status, codeOf(body));
  if (body === undefined) throw new SigningHelperError('helper_answer_invalid');
  return body;
}

function codeOf(body: unknown): string | null {
  const code = (body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : null;
}

function isHelperCertificate(value: unknown): value is HelperCertificate {
  const { id, label, certificate } = (value ?? {}) as Record<string, unknown>;
  return typeof id === 'string' && typeof label === 'string' && typeof certificate === 'string';
}
