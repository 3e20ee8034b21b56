import { builtInSenders } from '../matter-definition';

/** Who sends an event: an applicant, an officer with the roles of their matters, or the system. */
export interface WorkflowActor {
  kind: 'applicant' | 'officer' | 'admin' | 'system';
  roles?: string[];
  id?: string;
}

export const systemActor: WorkflowActor = { kind: 'system' };

/**
 * Whether a transition's `meta.by` admits the actor: its kind is listed, or the actor is an
 * officer and `by` names one of the officer's roles. `system` admits only the system itself, and
 * a transition without `by` admits nobody but the system, so forgetting `by` never opens a door.
 */
export function actorMaySend(by: readonly string[] | undefined, actor: WorkflowActor): boolean {
  if (by === undefined) return actor.kind === 'system';
  if (by.includes(actor.kind)) return true;
  return actor.kind === 'officer' && officerRoles(actor).some((role) => by.includes(role));
}

/** An officer's matter roles; a role spelled like a built-in sender never stands for it. */
function officerRoles(actor: WorkflowActor): string[] {
  const builtIn: readonly string[] = builtInSenders;
  return (actor.roles ?? []).filter((role) => !builtIn.includes(role));
}

/** Whether the actor is of that kind or carries that role. */
export function actorHasRole(actor: WorkflowActor | undefined, role: string): boolean {
  if (!actor) return false;
  return actor.kind === role || (actor.roles ?? []).includes(role);
}

/** How an actor reads in messages and simulation output: `officer (reviewer)`. */
export function describeActor(actor: WorkflowActor): string {
  const roles = actor.roles ?? [];
  return roles.length > 0 ? `${actor.kind} (${roles.join(', ')})` : actor.kind;
}
