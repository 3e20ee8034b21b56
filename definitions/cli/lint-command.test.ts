import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './cli-error';
import { lintCommand } from './lint-command';

const validBase = join(__dirname, '../../examples/broken/valid-base');
const brokenTarget = join(__dirname, '../../examples/broken/workflow-unknown-state');

function run(...args: string[]) {
  const output = { out: '', err: '' };
  const io = { out: (t: string) => (output.out += t), err: (t: string) => (output.err += t) };
  const code = lintCommand(args, io);
  return { code, ...output };
}

describe('matter lint', () => {
  it('exits 0 on a clean definition and says so', () => {
    const result = run(validBase);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/no problems/);
  });

  it('exits 1 with errors and prints them in the chosen format', () => {
    const text = run(brokenTarget);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/workflow-unknown-state/);
    const sarif = JSON.parse(run('--format', 'sarif', brokenTarget).out);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain(
      'workflow-unknown-state',
    );
  });

  it('explains a rule with its id, severity and why', () => {
    const result = run('--explain', 'workflow-unreachable-state');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^workflow-unreachable-state \(error\)\n.*initial/);
  });

  it('refuses an unknown rule, format, flag or no path as usage errors', () => {
    expect(() => run('--explain', 'nope')).toThrow(UsageError);
    expect(() => run('--format', 'xml', validBase)).toThrow(UsageError);
    expect(() => run()).toThrow(UsageError);
    expect(() => run('--verbose', validBase)).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^ERR_PARSE_ARGS/) }),
    );
  });

  it('refuses a folder that holds no definition', () => {
    const empty = mkdtempSync(join(tmpdir(), 'matter-lint-empty-'));
    try {
      expect(() => run(empty)).toThrow(/no definition found/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});
