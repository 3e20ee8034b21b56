import type { Context } from 'koa';
import type { Account } from '../../engine/accounts/account';
import type { EngineActor } from '../../engine/engine-context';
import type { ApiState } from './api-state';
import { HttpError, unauthenticated } from './http-error';

export type ApiContext = Context & { state: ApiState };

/** The logged-in actor, or 401. */
export function requireActor(ctx: ApiContext): EngineActor {
  if (!ctx.state.actor) throw unauthenticated();
  return ctx.state.actor;
}

export function requireAccount(ctx: ApiContext): Account {
  if (!ctx.state.account) throw unauthenticated();
  return ctx.state.account;
}

/** The logged-in actor when it is one of `kinds`, else 401 or 403. */
export function requireKind(ctx: ApiContext, ...kinds: EngineActor['kind'][]): EngineActor {
  const actor = requireActor(ctx);
  if (!kinds.includes(actor.kind)) {
    throw new HttpError(403, 'role_required', `this needs a ${kinds.join(' or ')} account`);
  }
  return actor;
}
