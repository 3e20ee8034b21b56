import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { findAccountRowByUsername } from '../accounts/account';
import { verifyPassword } from '../accounts/password-hash';
import { userCommand } from './user-add-command';

function capture() {
  const output = { out: '', err: '' };
  const io = {
    out: (text: string) => void (output.out += `${text}\n`),
    err: (text: string) => void (output.err += `${text}\n`),
  };
  return { io, output };
}

const stdin = (text: string) => async () => text;

describe('matterflow user add', () => {
  const saved = { ...process.env };
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    process.env.DATABASE_URL = test.url;
  }, 60_000);
  afterAll(async () => {
    process.env = { ...saved };
    await test.drop();
  });

  it('creates an officer with roles and matters, the password read from standard input', async () => {
    const { io, output } = capture();
    const args = [
      'add',
      '--username',
      'li.shen',
      '--role',
      'officer',
      '--roles',
      'acceptor,reviewer',
    ];
    args.push('--matters', 'annual-report', 'commercial-entity-establishment', '--name', '李审');
    expect(await userCommand(args, io, stdin('Officer-pass-1\n'))).toBe(0);
    expect(output.out).toContain('created officer "li.shen"');
    const row = await findAccountRowByUsername(test.database, 'li.shen');
    expect(row).toMatchObject({
      kind: 'officer',
      display_name: '李审',
      roles: ['acceptor', 'reviewer'],
      matters: ['annual-report', 'commercial-entity-establishment'],
    });
    expect(await verifyPassword('Officer-pass-1', row.password_hash)).toBe(true);
  });

  it('creates an administrator, and refuses a taken username with exit code 1', async () => {
    const args = ['add', '--username', 'root.admin', '--role', 'admin'];
    expect(await userCommand(args, capture().io, stdin('Admin-pass-2026'))).toBe(0);
    const row = await findAccountRowByUsername(test.database, 'root.admin');
    expect(row).toMatchObject({ kind: 'admin', matters: null, display_name: 'root.admin' });
    const again = capture();
    const upper = ['add', '--username', 'ROOT.admin', '--role', 'admin'];
    expect(await userCommand(upper, again.io, stdin('Admin-pass-2026'))).toBe(1);
    expect(again.output.err).toContain('username_taken');
  });

  it.each([
    [['list'], 'unknown subcommand "list"'],
    [['add', '--role', 'officer'], '--username is required'],
    [['add', '--username', 'x1', '--role', 'officer'], '--username "x1"'],
    [['add', '--username', 'wang.wu', '--role', 'clerk'], '--role must be officer or admin'],
    [['add', '--username', 'wang.wu', '--role', 'officer', '--colour'], 'unknown option --colour'],
    [
      ['add', '--username', 'wang.wu', '--role', 'admin', '--matters', 'a'],
      '--matters is for officers',
    ],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const { io, output } = capture();
    expect(await userCommand(args, io, stdin('Good-pass-2026'))).toBe(2);
    expect(output.err).toContain(message);
    expect(output.err).toContain('Usage: matterflow user add');
  });

  it('exits 2 for an empty or weak password', async () => {
    const args = ['add', '--username', 'wang.wu', '--role', 'officer'];
    const empty = capture();
    expect(await userCommand(args, empty.io, stdin('\n'))).toBe(2);
    expect(empty.output.err).toContain('no password on standard input');
    const weak = capture();
    expect(await userCommand(args, weak.io, stdin('password'))).toBe(2);
    expect(weak.output.err).toContain('three of');
  });
});
