import { ApiError, apiPost } from '../../api/api-client';
import { navigate } from '../../app/router';
import type { LoginAnswer } from '../../app/session';
import { asApiError } from '../../app/use-api-data';
import type { Translate } from '../../i18n/i18n';
import { certificateToBind } from './certificate-to-bind';
import { loginProblem } from './login-problem';

/** The certificate chain (PEM, leaf first) and the base64 signature of a challenge's nonce. */
export interface SignedChallenge {
  certificate: string;
  signature: string;
}

/** Whatever holds the key: a PKCS#12 file opened in the page, or the signing helper's USB key. */
export type ChallengeSigner = (nonce: string) => Promise<SignedChallenge>;

/**
 * The CA login after the key is at hand, the same for every kind of key: a challenge from the
 * portal, its nonce signed, the signature and chain sent. Throws what the signer throws, or the
 * ApiError of the portal (`binding_required` on first use: see followBinding).
 */
export async function logInWithCertificate(sign: ChallengeSigner): Promise<LoginAnswer> {
  const challenge = await apiPost<{ challengeId: string; nonce: string }>('/api/auth/ca/challenge');
  const { certificate, signature } = await sign(challenge.nonce);
  const body = { challengeId: challenge.challengeId, certificate, signature };
  return apiPost<LoginAnswer>('/api/auth/ca/login', body);
}

/**
 * A certificate used for the first time (`binding_required`): goes to the bind page, handing it
 * the certificate to name, and answers true; false for any other error.
 */
export function followBinding(error: unknown, returnTo: string | null): boolean {
  if (!(error instanceof ApiError) || error.code !== 'binding_required') return false;
  const token = error.body.bindingToken;
  if (typeof token !== 'string') return false;
  const certificate = certificateToBind(error.body.certificate);
  navigate(bindPath('certificate', token, returnTo), { state: { certificate } });
  return true;
}

/** The portal's refusal in words: its own message for a certificate code, translated. */
export function refusalMessage(error: unknown, t: Translate): string {
  return loginProblem(asApiError(error), t).message;
}

/** The bind page for an identity seen for the first time. */
export function bindPath(kind: 'certificate' | 'sso', token: string, returnTo: string | null) {
  const query = new URLSearchParams({ kind, bindingToken: token });
  if (returnTo) query.set('returnTo', returnTo);
  return `/login/bind?${query}`;
}
