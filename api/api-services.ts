import type { FileStore } from '../engine/attachments/file-store';
import type { EngineContext } from '../engine/engine-context';
import type { Logger } from '../engine/logger';

/** Settings of the HTTP layer, read once at start-up. */
export interface ApiConfig {
  /** `CAPTCHA=off` for local testing; refused in production. */
  captcha: boolean;
  /** Sets the Secure flag on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** Largest JSON body. */
  jsonLimit: string;
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
}
