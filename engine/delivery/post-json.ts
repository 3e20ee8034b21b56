import { failure } from '../engine-error';

export type Fetch = typeof fetch;

export interface PostJson {
  url: string;
  /** The exact bytes to send; a signature over them stays valid. */
  body: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  fetch: Fetch;
  /** Prefix of the failure codes: `webhook` gives `webhook_unreachable` and so on. */
  codePrefix: string;
  /** Names the delivery in failure messages, e.g. `outbox 42`. */
  what: string;
}

/**
 * POSTs a JSON body and sorts the outcome the way the job queue needs: a 2xx is done; no answer
 * (network, timeout) or a 5xx, 408 or 429 may pass later (`PREFIX_unreachable`,
 * `PREFIX_failed`, retryable); any other 4xx will not (`PREFIX_rejected`).
 */
export async function postJson(request: PostJson): Promise<void> {
  const response = await send(request);
  await response.body?.cancel();
  if (response.ok) return;
  const { status } = response;
  const retryable = status === 408 || status === 429 || status < 400 || status >= 500;
  throw failure(
    `${request.codePrefix}_${retryable ? 'failed' : 'rejected'}`,
    `${request.what}: ${request.url} answered ${status}`,
    retryable,
  );
}

async function send(request: PostJson): Promise<Response> {
  // Called unbound: some fetch implementations refuse to run as a method of another object.
  const post = request.fetch;
  try {
    return await post(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw failure(
      `${request.codePrefix}_unreachable`,
      `${request.what}: no answer from ${request.url} (${reason})`,
      true,
    );
  }
}
