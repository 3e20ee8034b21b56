import { compileForm } from '../../definitions/form/form-validator';
import type { Database } from '../database/database';
import type { EngineContext } from '../engine-context';
import { type ErrorDetail, badInput, notAllowed } from '../engine-error';
import { type Account, accountFromRow, setPasswordHash } from './account';
import { writeAccountNotices } from './account-notices';
import { recordAuthEvent } from './auth-events';
import { LockedError } from './identity-binding';
import { hashPassword } from './password-hash';
import { passwordLogin } from './password-login';
import { passwordPolicyIssues } from './password-policy';
import { contactProperties } from './registration';
import type { AuthLevel, NewSession } from './session-store';

/** What a logged-in person sends to change their password. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The client's address: the current password is checked as a login is, lockout included. */
  address: string;
  /** How the session making the change logged in; the session that replaces it keeps that. */
  authLevel: AuthLevel;
}

/** What a logged-in applicant sends to change their recovery channels. */
export interface ContactsChange {
  currentPassword: string;
  phone: string;
  email: string;
  address: string;
}

const wrongPasswordMessages = {
  'zh-CN': '当前密码错误',
  en: 'the current password is wrong',
};

const contactsForm = compileForm(
  { type: 'object', required: ['phone', 'email'], properties: contactProperties },
  [],
);

/**
 * Replaces the account's password once the current one is proved, then ends every session of
 * the account and answers the new session that replaces the caller's: a session someone else
 * holds (a stolen cookie, a shared computer) ends, and the person who changed the password goes
 * on under a fresh id. Records `password_change` in the account's trail and tells the account's
 * phone and e-mail (see writeAccountNotices).
 *
 * The current password is checked as a password login is: a wrong one counts toward the
 * lockout of the account and the address, and while either is locked even the right one is
 * refused with LockedError (429). Every problem is reported at once: a wrong current password
 * alone is `current_password_wrong` (detail at /currentPassword); with a new password against the
 * policy (details at /newPassword) the refusal is `invalid_fields`. Both are bad input (422).
 */
export async function changePassword(
  context: EngineContext,
  account: Account,
  change: PasswordChange,
): Promise<NewSession> {
  const { database, sessions } = context;
  const now = context.now();
  const issues = passwordPolicyIssues(change.newPassword, account.username, '/newPassword');
  issues.unshift(...(await currentPasswordIssues(database, account, change, now)));
  if (issues.length > 0) throw refusal(issues);

  const passwordHash = await hashPassword(change.newPassword);
  await database.transaction(async (trx) => {
    await setPasswordHash(trx, account.id, passwordHash, now);
    await writeAccountNotices(trx, account, ['password'], account, now);
  });
  context.afterCommit();
  const sessionsEnded = await sessions.destroyAccount(account.id);
  const replacement = await sessions.create(account.id, change.authLevel);
  await recordAuthEvent(database, {
    accountId: account.id,
    type: 'password_change',
    method: 'password',
    address: change.address,
    detail: { sessionsEnded },
    at: now,
  });
  return replacement;
}

/**
 * Replaces an applicant's phone and e-mail, the channels password recovery sends its code to,
 * once the current password is proved (as for changePassword, lockout included). The formats
 * are registration's: a mainland mobile number and an e-mail address, each bad one with its
 * pointer and messages, all at once with a wrong current password. Records `contacts_change`
 * with the names of the fields that changed (not their values), and tells the old phone and
 * e-mail (as changePassword tells the account's). Staff accounts are refused with
 * `applicant_only`: their contacts are the administrators' to keep.
 */
export async function changeContacts(
  context: EngineContext,
  account: Account,
  change: ContactsChange,
): Promise<Account> {
  const { database } = context;
  const now = context.now();
  if (account.kind !== 'individual' && account.kind !== 'enterprise') {
    throw notAllowed('applicant_only', 'only applicants keep their contacts here');
  }
  const issues = contactIssues(change);
  issues.unshift(...(await currentPasswordIssues(database, account, change, now)));
  if (issues.length > 0) throw refusal(issues);

  const changed = changedContacts(account, change);
  const row = await database.transaction(async (trx) => {
    const [updated] = await trx('accounts')
      .where({ id: account.id })
      .update({ phone: change.phone, email: change.email, updated_at: now })
      .returning('*');
    await writeAccountNotices(trx, account, changed, account, now);
    return updated;
  });
  context.afterCommit();
  await recordAuthEvent(database, {
    accountId: account.id,
    type: 'contacts_change',
    method: 'password',
    address: change.address,
    detail: { changed },
    at: now,
  });
  return accountFromRow(row);
}

/** [] when the password is the account's; the detail at /currentPassword when it is not. */
async function currentPasswordIssues(
  database: Database,
  account: Account,
  change: { currentPassword: string; address: string },
  now: Date,
): Promise<ErrorDetail[]> {
  const login = {
    username: account.username,
    password: change.currentPassword,
    address: change.address,
  };
  const outcome = await passwordLogin(database, login, now);
  if (outcome.kind === 'locked') throw new LockedError(outcome.retryAfterMs);
  if (outcome.kind === 'ok') return [];
  return [
    {
      pointer: '/currentPassword',
      code: 'current_password_wrong',
      message: wrongPasswordMessages.en,
      messages: wrongPasswordMessages,
    },
  ];
}

function contactIssues(change: ContactsChange): ErrorDetail[] {
  const contacts = { phone: change.phone, email: change.email };
  return contactsForm.validate(contacts).map((issue) => ({
    pointer: issue.pointer,
    code: issue.code,
    message: issue.message.en,
    messages: issue.message,
  }));
}

/** A wrong current password alone has its own code, as a login's has; anything more is fields. */
function refusal(issues: ErrorDetail[]) {
  const onlyPassword = issues.length === 1 && issues[0]?.pointer === '/currentPassword';
  if (onlyPassword) return badInput('current_password_wrong', wrongPasswordMessages.en, issues);
  return badInput('invalid_fields', 'some fields are missing or wrong', issues);
}

function changedContacts(account: Account, change: ContactsChange): ('phone' | 'email')[] {
  const fields = ['phone', 'email'] as const;
  return fields.filter((field) => account[field] !== change[field]);
}
