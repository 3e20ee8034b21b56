import * as oidc from 'openid-client';
import { type EngineError, failure } from '../engine-error';
import type { Logger } from '../logger';
import type { ExternalIdentity } from './identity-binding';
import type { PendingLogin } from './sso-pending-login';
import { ssoRefusal } from './sso-pending-login';
import type { SsoProviderSettings } from './sso-settings';

export interface SsoClientOptions extends SsoProviderSettings {
  /** The portal's callback, exactly as registered at the provider. */
  redirectUri: string;
  /** Where the provider sends the browser after its logout; registered there too. */
  postLogoutRedirectUri: string;
  /** Plain HTTP to the provider: for a provider on this machine only. */
  allowHttp: boolean;
  logger: Logger;
}

/**
 * The claim that carries a resident ID number; when present, binding checks it against the
 * account's. Not a standard OpenID Connect claim: a provider that sends it elsewhere needs a
 * mapping here.
 */
export const idNumberClaim = 'id_number';

/** Seconds the portal waits for the provider before answering `sso_unavailable`. */
const providerTimeoutSeconds = 10;

/**
 * The portal as a relying party of one OpenID Connect provider: authorization code flow with
 * PKCE (S256), `state` and `nonce`, a confidential client. Discovery happens on first use and
 * is kept; a failed discovery is not, so the next login tries again.
 *
 * @example
 * const client = new SsoClient({ ...ssoSettingsFromEnv(env), redirectUri, postLogoutRedirectUri,
 *   allowHttp: false, logger });
 * const url = await client.authorizationUrl(login);
 */
export class SsoClient {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly options: SsoClientOptions) {}

  get issuer(): string {
    return this.options.issuer.href;
  }

  /** The callback URI registered at the provider. */
  get redirectUri(): string {
    return this.options.redirectUri;
  }

  /** The provider's metadata, fetched once; `sso_unavailable` (retryable) when unreachable. */
  discover(): Promise<oidc.Configuration> {
    this.configuration ??= this.fetchConfiguration().catch((error: unknown) => {
      this.configuration = undefined;
      this.options.logger.warn({ err: error, issuer: this.issuer }, 'sso discovery failed');
      throw unavailable();
    });
    return this.configuration;
  }

  /** The provider's authorization endpoint with this login's state, nonce and PKCE challenge. */
  async authorizationUrl(login: PendingLogin): Promise<string> {
    const configuration = await this.discover();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.options.redirectUri,
      scope: this.options.scope,
      state: login.state,
      nonce: login.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
    });
    return url.href;
  }

  /**
   * Exchanges the callback's code for tokens, checks the ID token (signature, issuer, audience,
   * expiry, nonce) and answers the identity it proves: issuer + `sub`, labelled with the name.
   * Refusals: `sso_provider_error` (the callback carries an error), `sso_nonce_mismatch`,
   * `sso_token_exchange_failed` (the provider refused the code, or its tokens do not check
   * out), `sso_unavailable` (the provider did not answer).
   */
  async identityOf(callback: URL, login: PendingLogin): Promise<ExternalIdentity> {
    const configuration = await this.discover();
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims() as oidc.IDToken;
      const profile = await this.userInfo(configuration, tokens.access_token, claims.sub);
      return identityFromClaims(configuration.serverMetadata().issuer, { ...profile, ...claims });
    } catch (error) {
      throw this.callbackRefusal(error);
    }
  }

  /**
   * Where to send the browser to end its session at the provider too, or null when the
   * provider offers no end-session endpoint or cannot be reached now.
   */
  async endSessionUrl(): Promise<string | null> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.discover();
    } catch {
      return null;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    const parameters = { post_logout_redirect_uri: this.options.postLogoutRedirectUri };
    return oidc.buildEndSessionUrl(configuration, parameters).href;
  }

  private async fetchConfiguration(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret, allowHttp } = this.options;
    const execute = allowHttp ? [oidc.allowInsecureRequests] : [];
    const options = { execute, timeout: providerTimeoutSeconds };
    const basic = oidc.ClientSecretBasic(clientSecret);
    const discovered = await oidc.discovery(issuer, clientId, undefined, basic, options);
    if (!takesSecretInBodyOnly(discovered)) return discovered;
    const post = oidc.ClientSecretPost(clientSecret);
    const configuration = new oidc.Configuration(discovered.serverMetadata(), clientId, {}, post);
    for (const extension of execute) extension(configuration);
    configuration.timeout = providerTimeoutSeconds;
    return configuration;
  }

  /** Claims of the userinfo endpoint; the ID token alone still proves the identity. */
  private async userInfo(
    configuration: oidc.Configuration,
    accessToken: string,
    subject: string,
  ): Promise<Record<string, unknown>> {
    if (!configuration.serverMetadata().userinfo_endpoint) return {};
    try {
      return await oidc.fetchUserInfo(configuration, accessToken, subject);
    } catch (error) {
      this.options.logger.warn({ err: error, issuer: this.issuer }, 'sso userinfo failed');
      return {};
    }
  }

  private callbackRefusal(error: unknown): unknown {
    const refusal = refusalOf(error);
    if (!refusal) return error;
    this.options.logger.warn({ err: error, code: refusal.code }, 'sso callback refused');
    return refusal;
  }
}

/** The identity an ID token (with userinfo) proves. */
export function identityFromClaims(
  issuer: string,
  claims: Record<string, unknown>,
): ExternalIdentity {
  const subject = String(claims.sub);
  const name = text(claims.name);
  const preferredUsername = text(claims.preferred_username);
  const idNumber = text(claims[idNumberClaim]);
  return {
    kind: 'sso',
    issuer,
    subject,
    label: name ?? preferredUsername ?? subject,
    details: { ...(name && { name }), ...(preferredUsername && { preferredUsername }) },
    ...(idNumber && { idNumber }),
  };
}

/** The portal's refusal for what openid-client threw; undefined for a programming error. */
function refusalOf(error: unknown): EngineError | undefined {
  if (error instanceof oidc.AuthorizationResponseError) {
    return ssoRefusal('sso_provider_error', `the provider answered ${error.error}`);
  }
  if (claimOf(error) === 'nonce') {
    return ssoRefusal('sso_nonce_mismatch', 'the ID token was issued for another login');
  }
  if (error instanceof oidc.ResponseBodyError) {
    return ssoRefusal('sso_token_exchange_failed', `the provider refused the code: ${error.error}`);
  }
  if (isUnreachable(error)) return unavailable();
  if (error instanceof oidc.ClientError) {
    return ssoRefusal(
      'sso_token_exchange_failed',
      `the provider's answer failed: ${error.message}`,
    );
  }
  return undefined;
}

/** Client authentication defaults to HTTP Basic; a few providers take the form body only. */
function takesSecretInBodyOnly(configuration: oidc.Configuration): boolean {
  const methods = configuration.serverMetadata().token_endpoint_auth_methods_supported ?? [];
  return methods.includes('client_secret_post') && !methods.includes('client_secret_basic');
}

/** The claim a failed JWT claim comparison names, anywhere in the cause chain. */
function claimOf(error: unknown): unknown {
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const claim = (cause as { claim?: unknown }).claim;
    if (claim) return claim;
  }
  return undefined;
}

function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  return error instanceof TypeError && error.message === 'fetch failed';
}

function unavailable(): EngineError {
  return failure('sso_unavailable', 'the unified identity provider cannot be reached', true);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
