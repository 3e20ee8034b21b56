import type { Account } from '../accounts/account';
import { recordAuthEvent } from '../accounts/auth-events';
import {
  type ExternalIdentity,
  findBoundAccount,
  issueBindingToken,
} from '../accounts/identity-binding';
import type { Database } from '../database/database';
import { EngineError } from '../engine-error';
import { consumeChallenge } from './ca-challenge';
import type { CertificateTrust } from './ca-trust';
import { CertificateRefusal, verifyCertificateLogin } from './certificate-verification';

export interface CertificateLoginAttempt {
  challengeId: string;
  /** PEM, leaf first, then any intermediates. */
  certificate: string;
  /** Base64 signature of the challenge's nonce. */
  signature: string;
  /** The client's address, for the authentication trail. */
  address: string;
}

export type CertificateLoginOutcome =
  | { kind: 'bound'; account: Account; identity: ExternalIdentity }
  /** First use: the certificate is good but bound to no account yet. */
  | { kind: 'binding_required'; bindingToken: string; identity: ExternalIdentity };

/**
 * A certificate login: spends the challenge, verifies the signature and the certificate, then
 * answers the account the certificate is bound to, or a binding token on first use. Every
 * refusal is recorded in the authentication trail as `login_failed` (method `certificate`) with
 * its code, under the bound account when the certificate is bound to one, and rethrown:
 * challenge refusals (see consumeChallenge) or CertificateRefusal.
 */
export async function certificateLogin(
  database: Database,
  trust: CertificateTrust,
  attempt: CertificateLoginAttempt,
  now: Date,
): Promise<CertificateLoginOutcome> {
  try {
    const nonce = await consumeChallenge(database, attempt.challengeId, now);
    const proof = { certificate: attempt.certificate, nonce, signature: attempt.signature };
    const { identity } = verifyCertificateLogin(trust, proof, now);
    const account = await findBoundAccount(database, identity, now);
    if (account) return { kind: 'bound', account, identity };
    const bindingToken = await issueBindingToken(database, identity, now);
    return { kind: 'binding_required', bindingToken, identity };
  } catch (error) {
    if (error instanceof EngineError) await recordRefusal(database, attempt, error, now);
    throw error;
  }
}

async function recordRefusal(
  database: Database,
  attempt: CertificateLoginAttempt,
  error: EngineError,
  now: Date,
): Promise<void> {
  const identity = error instanceof CertificateRefusal ? error.identity : undefined;
  const bound = identity
    ? await database('account_identities')
        .where({ kind: 'certificate', issuer: identity.issuer, subject: identity.subject })
        .first('account_id')
    : undefined;
  await recordAuthEvent(database, {
    accountId: bound ? String(bound.account_id) : null,
    type: 'login_failed',
    method: 'certificate',
    address: attempt.address,
    detail: { code: error.code, ...(identity ?? {}) },
    at: now,
  });
}
