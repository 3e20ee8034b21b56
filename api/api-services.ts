import type { FileStore } from '../engine/attachments/file-store';
import type { CertificateTrust } from '../engine/certificates/ca-trust';
import type { EngineContext } from '../engine/engine-context';
import type { SsoClient } from '../engine/accounts/sso-client';
import type { Logger } from '../engine/logger';

/** Settings of the HTTP layer, read once at start-up. */
export interface ApiConfig {
  /** `CAPTCHA=off` for local testing; refused in production. */
  captcha: boolean;
  /** Sets the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** Largest JSON body. */
  jsonLimit: string;
  /** The built web pages served outside `/api`; default `dist/renderer` (`npm run build`). */
  pagesDir?: string;
  /**
   * The portal's origin as browsers reach it (PUBLIC_URL), e.g. `https://portal.example.gov`;
   * the unified identity callback is registered under it. Unset: `http://localhost:PORT`.
   */
  publicUrl?: string;
  /**
   * The loopback origin of a local signing helper for USB keys (CA_HELPER_URL), e.g.
   * `http://127.0.0.1:17380`: the pages may connect to it and the CA login offers it. Unset, the
   * CA login takes PKCS#12 files only.
   */
  caHelperUrl?: string;
  /** `TRUST_PROXY=on`: client addresses (and the demo provider's URLs) from X-Forwarded-*. */
  trustProxy?: boolean;
}

/** What every route handler may use: the engine, the material file store, the settings. */
export interface ApiServices {
  engine: EngineContext;
  files: FileStore;
  config: ApiConfig;
  logger: Logger;
  /**
   * Draws the text of each new captcha; random when absent. Tests set it to know the answer,
   * which is otherwise stored only hashed.
   */
  captchaText?: () => string;
  /** The token local CLIs present to the internal routes; unset, those routes refuse all. */
  localToken?: string;
  /**
   * The CAs and CRLs certificate logins are checked against (CA_TRUSTED_ROOTS, CA_CRLS); the
   * demo CA when absent. Tests set their own.
   */
  certificateTrust?: CertificateTrust;
  /**
   * The unified identity provider (OIDC_ISSUER, or the demo provider); set once the portal
   * listens. Absent, the unified identity routes answer `sso_unavailable`.
   */
  sso?: SsoClient;
}
