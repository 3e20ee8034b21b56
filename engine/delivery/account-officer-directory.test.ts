import { createAccount } from '../accounts/account';
import { type TestDatabase, createTestDatabase } from '../../test/support/test-database';
import { accountOfficerDirectory } from './account-officer-directory';

describe('accountOfficerDirectory', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    const officer = { password: 'Correct-Horse-9', kind: 'officer' as const };
    await createAccount(test.database, {
      ...officer,
      username: 'all-matters',
      displayName: '全部事项',
      email: 'all@example.test',
    });
    await createAccount(test.database, {
      ...officer,
      username: 'establishment',
      displayName: '设立登记',
      phone: '13900139000',
      matters: ['commercial-entity-establishment'],
    });
    await createAccount(test.database, {
      ...officer,
      username: 'no-contact',
      displayName: '无联系方式',
    });
    await createAccount(test.database, {
      ...officer,
      username: 'z-admin',
      kind: 'admin',
      displayName: '管理员',
      email: 'admin@example.test',
    });
  }, 60_000);
  afterAll(() => test.drop());

  it('finds the officers covering a matter who can be reached', async () => {
    const directory = accountOfficerDirectory(test.database);
    expect(await directory.contactsFor('commercial-entity-establishment')).toEqual([
      { name: '全部事项', email: 'all@example.test' },
      { name: '设立登记', phone: '13900139000' },
    ]);
    expect(await directory.contactsFor('annual-report')).toEqual([
      { name: '全部事项', email: 'all@example.test' },
    ]);
  });
});
