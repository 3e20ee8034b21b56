import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const validBase = join(root, 'examples/broken/valid-base');
const timeoutMs = 20_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the real `matter` bin as a user would, with a hard timeout against hangs. */
function matter(...args: string[]): Run {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'bin/matter.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, MATTER_DEBUG: '' },
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    ms: Date.now() - started,
  };
}

function expectNoStackTrace(run: Run): void {
  expect(run.stdout).not.toMatch(/^ {4}at /m);
  expect(run.stderr).not.toMatch(/^ {4}at /m);
}

function findingRules(run: Run): string[] {
  return (JSON.parse(run.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule);
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'matter-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('matter CLI on bad input', () => {
  it('exits 2 for a path that does not exist', () => {
    const run = matter('lint', join(scratch, 'nowhere'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no such file or folder/);
    expectNoStackTrace(run);
  });

  it('exits 2 with a message for an unknown flag', () => {
    const run = matter('lint', '--fromat', 'json', validBase);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--fromat/);
    expectNoStackTrace(run);
  });

  it('exits 2 for an unknown format and an unknown rule', () => {
    expect(matter('lint', '--format', 'xml', validBase).status).toBe(2);
    const run = matter('lint', '--explain', 'no-such-rule');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown rule "no-such-rule"/);
  });

  it('exits 2 for a folder without any definition', () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const run = matter('lint', empty);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no definition found/);
  });

  it('reports a binary bundle as a finding', () => {
    const file = join(scratch, 'binary.bundle.json');
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0]));
    const run = matter('lint', '--format', 'json', file);
    expect(run.status).toBe(1);
    expect(findingRules(run)).toEqual(['file-not-text']);
    expectNoStackTrace(run);
  });

  it('refuses a 50 MB JSON file unread, quickly', () => {
    const file = join(scratch, 'huge.bundle.json');
    writeFileSync(file, `{"pad": "${'x'.repeat(50 * 1024 * 1024)}"}`);
    const run = matter('lint', '--format', 'json', file);
    expect(run.status).toBe(1);
    expect(findingRules(run)).toEqual(['file-too-large']);
    expect(run.ms).toBeLessThan(timeoutMs);
    expectNoStackTrace(run);
  });

  it('reports JSON nested 100,000 deep as a finding', () => {
    const file = join(scratch, 'deep.bundle.json');
    writeFileSync(file, '['.repeat(100_000) + ']'.repeat(100_000));
    const run = matter('lint', '--format', 'json', file);
    expect(run.status).toBe(1);
    expect(findingRules(run)).toEqual(['json-too-deep']);
    expectNoStackTrace(run);
  });

  it('reports a circular $ref in a form schema as a finding', () => {
    const folder = join(scratch, 'circular');
    cpSync(validBase, folder, { recursive: true });
    const schema = {
      type: 'object',
      properties: { a: { $ref: '#/definitions/a' } },
      definitions: { a: { $ref: '#/definitions/b' }, b: { anyOf: [{ $ref: '#/definitions/a' }] } },
    };
    writeFileSync(join(folder, 'form.schema.json'), JSON.stringify(schema));
    const run = matter('lint', '--format', 'json', folder);
    expect(run.status).toBe(1);
    expect(findingRules(run)).toContain('form-schema-circular-ref');
    expectNoStackTrace(run);
  });

  it('reports an empty file as a finding', () => {
    const file = join(scratch, 'empty.bundle.json');
    writeFileSync(file, '');
    const run = matter('lint', '--format', 'json', file);
    expect(run.status).toBe(1);
    expect(findingRules(run)).toEqual(['json-syntax']);
    expectNoStackTrace(run);
  });
});
