import { type AccountKind, createAccount, findAccountRowByUsername } from '../accounts/account';
import type { Database } from '../database/database';

export interface DemoAccount {
  username: string;
  password: string;
  kind: AccountKind;
  displayName: string;
  roles?: string[];
}

/**
 * Accounts for trying the portal on one machine: an individual and an enterprise applicant, an
 * officer with every role of the examples, and an administrator. Only `npm start` without a
 * configured database creates them.
 */
export const demoAccounts: DemoAccount[] = [
  { username: 'demo-person', password: 'Demo-pass-2026', kind: 'individual', displayName: '张明' },
  {
    username: 'demo-company',
    password: 'Demo-pass-2026',
    kind: 'enterprise',
    displayName: '深圳市青禾数字科技有限公司',
  },
  {
    username: 'demo-officer',
    password: 'Demo-pass-2026',
    kind: 'officer',
    displayName: '李审核',
    roles: ['acceptor', 'reviewer'],
  },
  { username: 'demo-admin', password: 'Demo-pass-2026', kind: 'admin', displayName: '系统管理员' },
];

const profiles: Record<string, Record<string, unknown>> = {
  individual: { realName: '张明', idNumber: '110105198509171232' },
  enterprise: {
    enterpriseName: '深圳市青禾数字科技有限公司',
    creditCode: '91440300MA5G2R8W81',
    legalRepresentative: '林晓峰',
    contactName: '王思远',
  },
};

/** Creates the demo accounts that do not exist yet; returns those it created. */
export async function ensureDemoAccounts(database: Database): Promise<DemoAccount[]> {
  const created: DemoAccount[] = [];
  for (const demo of demoAccounts) {
    if (await findAccountRowByUsername(database, demo.username)) continue;
    await createAccount(database, {
      username: demo.username,
      password: demo.password,
      kind: demo.kind,
      displayName: demo.displayName,
      phone: '13800138000',
      email: `${demo.username}@localhost`,
      profile: profiles[demo.kind] ?? {},
      roles: demo.roles ?? [],
    });
    created.push(demo);
  }
  return created;
}
