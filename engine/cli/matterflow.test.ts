import { createTestDatabase } from '../../test/support/test-database';
import { run } from './matterflow';

function capture() {
  const output = { out: '', err: '' };
  const io = {
    out: (text: string) => {
      output.out += `${text}\n`;
    },
    err: (text: string) => {
      output.err += `${text}\n`;
    },
  };
  return { io, output };
}

describe('the matterflow CLI', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('prints its usage, and refuses an unknown command with exit code 2', async () => {
    const help = capture();
    expect(await run(['--help'], help.io)).toBe(0);
    expect(help.output.out).toContain('worker');
    const unknown = capture();
    expect(await run(['serve-all'], unknown.io)).toBe(2);
    expect(unknown.output.err).toContain('unknown command "serve-all"');
  });

  it('refuses a malformed setting with exit code 2, naming the variable', async () => {
    process.env.REDIS_URL = 'not a url';
    const { io, output } = capture();
    expect(await run(['worker'], io)).toBe(2);
    expect(output.err).toContain('REDIS_URL');
  });

  it('migrates a database, and says so when it is up to date', async () => {
    const test = await createTestDatabase('postgres');
    try {
      process.env.DATABASE_URL = test.url;
      const { io, output } = capture();
      expect(await run(['migrate'], io)).toBe(0);
      expect(output.out).toContain('the schema is up to date');
    } finally {
      await test.drop();
    }
  });
});
