import { demoAccounts } from '../../engine/demo/demo-accounts';

/** A person the demo provider knows, standing in for an account at the city's provider. */
export interface DemoIdentity {
  /** Also the `sub` the provider asserts. */
  username: string;
  password: string;
  /** The `name` claim. */
  name: string;
  /** The `id_number` claim, a resident ID; binding then only succeeds to the same number. */
  idNumber?: string;
}

const demoPassword = demoAccounts[0]?.password ?? 'Demo-pass-2026';

/**
 * `zhangming` carries demo-person's resident ID, so binds to demo-person (and to no other
 * individual); `lisi` carries none, so binds to any applicant account, demo-company included.
 */
export const demoIdentities: DemoIdentity[] = [
  { username: 'zhangming', password: demoPassword, name: '张明', idNumber: '110105198509171232' },
  { username: 'lisi', password: demoPassword, name: '李四' },
];

/** The identity with this username and password, or undefined. */
export function checkDemoIdentity(username: string, password: string): DemoIdentity | undefined {
  const identity = demoIdentities.find((candidate) => candidate.username === username.trim());
  return identity && identity.password === password ? identity : undefined;
}
