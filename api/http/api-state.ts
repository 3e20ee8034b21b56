import type { Account } from '../../engine/accounts/account';
import type { SessionRecord } from '../../engine/accounts/session-store';
import type { EngineActor } from '../../engine/engine-context';
import type { Logger } from '../../engine/logger';

/** What the middleware puts on `ctx.state` for the handlers. */
export interface ApiState {
  requestId: string;
  log: Logger;
  /** The cookie value of the session, when the request carried a live one. */
  sid?: string;
  session?: SessionRecord;
  account?: Account;
  actor?: EngineActor;
}
