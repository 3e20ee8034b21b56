import { writeOutbox } from '../applications/application-effects';
import type { Database } from '../database/database';
import type { Account } from './account';

/** What changed on an account, for the notice its owner gets. */
export type AccountChange = 'password' | 'phone' | 'email';

const changeNames: Record<AccountChange, { 'zh-CN': string; en: string }> = {
  password: { 'zh-CN': '登录密码', en: 'password' },
  phone: { 'zh-CN': '手机号码', en: 'mobile number' },
  email: { 'zh-CN': '电子邮箱', en: 'e-mail address' },
};

/**
 * Tells the owner that their password or recovery channels changed, by SMS and e-mail through
 * the outbox, in the caller's transaction, so that a change made by someone who took over a
 * session does not go unseen. `to` are the channels as they were before the change: the owner's,
 * not the ones a taker may just have put in.
 */
export async function writeAccountNotices(
  trx: Database,
  account: Account,
  changes: AccountChange[],
  to: { phone: string | null; email: string | null },
  now: Date,
): Promise<void> {
  if (changes.length === 0) return;
  const what = {
    zh: changes.map((change) => changeNames[change]['zh-CN']).join('、'),
    en: changes.map((change) => changeNames[change].en).join(' and '),
  };
  const when = now.toISOString().slice(0, 16).replace('T', ' ');
  const text =
    `您的账号 ${account.username} 的${what.zh}已于 ${when}（UTC）变更。` +
    '如非本人操作，请立即通过“忘记密码”重置密码，并联系办理机关。';
  if (to.phone) {
    await writeOutbox(trx, null, 'message', { channel: 'sms', to: to.phone, text });
  }
  if (to.email) {
    const english =
      `\n\nThe ${what.en} of your account ${account.username} changed at ${when} UTC. ` +
      'If this was not you, reset your password with "Forgot password" now and contact the office.';
    const subject = '账号信息变更提醒 / Your account changed';
    const mail = { channel: 'email', to: to.email, subject, text: text + english };
    await writeOutbox(trx, null, 'message', mail);
  }
}
