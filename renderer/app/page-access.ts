import type { PageAccess } from './page-route';
import type { AccountKind } from './session';

/** What the shell does with a page: show it, send to the login page, or say it is not allowed. */
export type AccessOutcome = 'show' | 'login' | 'not_allowed';

const kindsAllowed: Record<Exclude<PageAccess, 'public'>, AccountKind[]> = {
  applicant: ['individual', 'enterprise'],
  officer: ['officer'],
  admin: ['admin'],
  staff: ['officer', 'admin'],
  session: ['individual', 'enterprise', 'officer', 'admin'],
};

export function accessOutcome(
  access: PageAccess,
  user: { kind: AccountKind } | null,
): AccessOutcome {
  if (access === 'public') return 'show';
  if (!user) return 'login';
  return kindsAllowed[access].includes(user.kind) ? 'show' : 'not_allowed';
}

/** The login page, remembering where to come back to. */
export function loginPath(returnTo: string): string {
  return `/login?${new URLSearchParams({ returnTo })}`;
}

/**
 * Where a login leads: back to the page asked for when there was one, otherwise officers to the
 * desk, administrators to the console and applicants to their workstation.
 */
export function landingPath(user: { kind: AccountKind }, returnTo?: string | null): string {
  if (returnTo && isInternalPath(returnTo)) return returnTo;
  return homeOf(user.kind);
}

/** The "my workstation" of each kind of account. */
export function homeOf(kind: AccountKind): string {
  if (kind === 'officer') return '/desk';
  if (kind === 'admin') return '/admin';
  return '/workstation';
}

/**
 * A path of this portal (`/x`), never `//host` or `/\host`, which browsers read as another site;
 * never the login page itself.
 */
export function isInternalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !path.startsWith('/login');
}
