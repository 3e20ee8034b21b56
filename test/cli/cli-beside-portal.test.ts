import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'matterflow.js');
const password = 'Officer-pass-2026';

/** Runs `matterflow ARGS` to its end, with `input` on standard input. */
async function matterflow(env: NodeJS.ProcessEnv, args: string[], input = '') {
  const child = spawn(process.execPath, [bin, ...args], { env });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  child.stdin.end(input);
  const [code] = await once(child, 'exit');
  return { code: code as number, out };
}

/** Starts `matterflow serve` and waits for the line that says it listens. */
async function serve(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], { env });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Matterflow portal on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return child;
}

describe('the CLIs beside a portal on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'matterflow-beside-'));
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
    REDIS_URL: '',
  };

  it('adds staff through the running portal, and directly once it has stopped', async () => {
    const portal = await serve(env);
    try {
      const added = await matterflow(
        env,
        ['user', 'add', '--username', 'li.wei', '--role', 'officer'],
        password,
      );
      expect(added).toMatchObject({
        code: 0,
        out: expect.stringContaining('created officer "li.wei"'),
      });
      const again = await matterflow(
        env,
        ['user', 'add', '--username', 'LI.WEI', '--role', 'admin'],
        password,
      );
      expect(again).toMatchObject({ code: 1, out: expect.stringContaining('username_taken') });
      const migrate = await matterflow(env, ['migrate']);
      expect(migrate).toMatchObject({ code: 0, out: expect.stringContaining('up to date') });
      const worker = await matterflow(env, ['worker']);
      expect(worker).toMatchObject({ code: 0, out: expect.stringContaining('delivers') });
    } finally {
      portal.kill('SIGTERM');
      await once(portal, 'exit');
    }
    const direct = await matterflow(
      env,
      ['user', 'add', '--username', 'zhao.li', '--role', 'admin'],
      password,
    );
    expect(direct).toMatchObject({
      code: 0,
      out: expect.stringContaining('created admin "zhao.li"'),
    });
  }, 120_000);
});
