import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './matter';

const root = join(__dirname, '..', '..');
const permit = join(root, 'definitions', 'workflow', '__fixtures__', 'permit');
const example = join(root, 'examples', 'matters', 'commercial-entity-establishment');

async function matter(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err: err.join('\n') };
}

describe('matter simulate', () => {
  test('walks the permit to a final state, printing states, actions and timers', async () => {
    const result = await matter(
      'simulate',
      permit,
      '--as',
      'applicant',
      'SUBMIT',
      '--as',
      'reviewer',
      'ACCEPT',
      '--comment',
      '请补正',
      '--correction',
      '/amount=金额有误',
      'REQUEST_CORRECTION',
      '--as',
      'applicant',
      'RESUBMIT',
      '--as',
      'reviewer',
      'APPROVE',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      'street-stall-permit 1.0.0  摊位许可 / Street stall permit',
      'start  draft  草稿 / Draft',
      'draft → submitted  已提交 / Submitted   SUBMIT by applicant',
      '    notify submitted → applicant by email, sms',
      '    timer PT12H started: fires in 12h',
      'submitted → accepted  审查中 / Under review   ACCEPT by officer (reviewer)',
      '    set deadline review P15D, then EXPIRE',
      '    timer PT12H cancelled',
      'accepted → correction  补正中 / Correcting   REQUEST_CORRECTION by officer (reviewer)',
      '    timer P10D started: fires in 10d',
      'correction → accepted  审查中 / Under review   RESUBMIT by applicant',
      '    timer P10D cancelled',
      'accepted → approved  已批准 / Approved   APPROVE by officer (reviewer)',
      '    clear deadline review',
      '    issue document permit (许可证 / Permit) from template permit',
      'final state reached: approved  已批准 / Approved',
    ]);
  });

  test('fires a timer with after:DURATION and says when no final state is reached', async () => {
    const result = await matter(
      'simulate',
      permit,
      '--as',
      'applicant',
      'SUBMIT',
      '--as',
      'system',
      'after:PT12H',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'submitted → accepted  审查中 / Under review   after:PT12H by system',
    );
    expect(result.out.at(-1)).toBe(
      'not final: the application rests in accepted  审查中 / Under review',
    );
  });

  test.each([
    [['--as', 'officer', 'SUBMIT'], 'actor_not_allowed'],
    [['--as', 'applicant', 'APPROVE'], 'event_not_allowed'],
    [['--as', 'applicant', 'SUBMIT', '--as', 'officer', 'ACCEPT', 'REJECT'], 'comment_required'],
    [
      [
        '--as',
        'applicant',
        'SUBMIT',
        '--as',
        'officer',
        'ACCEPT',
        '--as',
        'reviewer',
        '--comment',
        'x',
        'REQUEST_CORRECTION',
      ],
      'corrections_required',
    ],
  ])('%j is refused with %s and exit 1', async (events, code) => {
    const result = await matter('simulate', permit, ...events);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(new RegExp(`^refused  \\S+ by .*: ${code}: `));
  });

  test('refuses a submit of incomplete data from --data, listing each issue', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'matter-simulate-'));
    try {
      const data = join(folder, 'data.json');
      writeFileSync(data, '{"amount": -1}');
      const result = await matter(
        'simulate',
        permit,
        '--data',
        data,
        '--as',
        'applicant',
        'SUBMIT',
      );
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/form_incomplete/);
      expect(result.err).toMatch(/^ {4}\/applicantName /m);
      expect(result.err).toMatch(/^ {4}\/amount /m);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test.each([
    [['simulate'], /needs the PATH/],
    [['simulate', permit], /needs events/],
    [['simulate', permit, 'SUBMIT'], /"SUBMIT" needs --as ROLE/],
    [
      ['simulate', permit, '--as', 'mayor', 'SUBMIT'],
      /--as mayor: not a sender.*applicant, officer, admin, system, reviewer, chief/,
    ],
    [['simulate', permit, '--as', 'applicant', 'SUBMIT', '--comment', 'x'], /go before the event/],
    [['simulate', permit, '--as', 'officer', '--correction', 'amount', 'X'], /POINTER=REASON/],
    [['simulate', permit, '--as', 'system', 'after:P1D'], /no after P1D timer/],
    [
      ['simulate', permit, '--data', join(root, 'nothing.json'), '--as', 'applicant', 'SUBMIT'],
      /no such file/,
    ],
    [
      [
        'simulate',
        permit,
        '--data',
        join(permit, 'templates', 'permit.hbs'),
        '--as',
        'applicant',
        'SUBMIT',
      ],
      /not JSON/,
    ],
    [['simulate', permit, '--verbose', '--as', 'applicant', 'SUBMIT'], /--verbose/],
  ])('%j is a usage error', async (argv, message) => {
    const result = await matter(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  test('walks the commercial entity example to its licence', async () => {
    const result = await matter(
      'simulate',
      example,
      '--as',
      'applicant',
      'SUBMIT',
      '--as',
      'officer',
      'ACCEPT',
      'START_REVIEW',
      'APPROVE',
      'ISSUE_LICENCE',
    );
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'approved → licenceIssued  已发照 / Licence issued   ISSUE_LICENCE by officer',
    );
    expect(result.out.at(-1)).toBe('final state reached: licenceIssued  已发照 / Licence issued');
  });

  test('walks the commercial entity example through a correction', async () => {
    const result = await matter(
      'simulate',
      example,
      '--as',
      'applicant',
      'SUBMIT',
      '--as',
      'acceptor',
      'ACCEPT',
      '--as',
      'reviewer',
      'START_REVIEW',
      '--comment',
      '经营范围不规范',
      '--correction',
      '/businessScope=请按规范表述',
      'REQUEST_CORRECTION',
      '--as',
      'applicant',
      'RESUBMIT',
      '--as',
      'reviewer',
      '--comment',
      '不符合条件',
      'REJECT',
    );
    expect(result.err).toBe('');
    expect(result.out.at(-1)).toBe('final state reached: rejected  不予登记 / Refused');
  });

  test('runs for real through the package bin', () => {
    const bin = join(root, 'bin', 'matter.js');
    const args = [
      bin,
      'simulate',
      permit,
      '--as',
      'applicant',
      'SUBMIT',
      '--as',
      'officer',
      'ACCEPT',
    ];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toContain(
      'submitted → accepted  审查中 / Under review   ACCEPT by officer\n',
    );
    const refused = spawnSync(
      process.execPath,
      [bin, 'simulate', permit, '--as', 'officer', 'SUBMIT'],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/actor_not_allowed/);
  });
});
