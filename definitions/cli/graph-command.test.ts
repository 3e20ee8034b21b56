import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asList } from '../matter-definition';
import type { WorkflowConfig } from '../matter-definition';
import { run } from './matter';

const root = join(__dirname, '..', '..');
const permit = join(root, 'definitions', 'workflow', '__fixtures__', 'permit');
const example = join(root, 'examples', 'matters', 'commercial-entity-establishment');

async function matter(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('matter graph', () => {
  test('prints the workflow as Mermaid by default', async () => {
    const result = await matter('graph', permit);
    expect(result.code).toBe(0);
    expect(result.out.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(result.out).toContain('  draft --> submitted: SUBMIT (applicant)');
    expect(result.err).toBe('');
  });

  test('prints DOT with --format dot', async () => {
    const result = await matter('graph', '--format', 'dot', permit);
    expect(result.code).toBe(0);
    expect(result.out).toContain('digraph "street-stall-permit" {');
    expect(result.out).toContain('"draft" -> "submitted" [label="SUBMIT (applicant)"];');
  });

  test.each([
    [['graph'], /needs the PATH/],
    [['graph', permit, permit], /one PATH/],
    [['graph', '--format', 'svg', permit], /unknown --format "svg"/],
    [['graph', '--colour', permit], /--colour/],
    [['graph', join(root, 'no-such-matter')], /no such file/],
  ])('%j is a usage error', async (argv, message) => {
    const result = await matter(...argv);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  test('refuses a definition with lint errors, naming them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'matter-graph-'));
    try {
      cpSync(permit, folder, { recursive: true });
      writeFileSync(join(folder, 'workflow.json'), '{"id": "x", "initial": 42, "states": {}}');
      const result = await matter('graph', folder);
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toMatch(/lint error/);
      expect(result.err).toMatch(/workflow\.json:1:\d+/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('shows every state and transition of the commercial entity example with its sender', async () => {
    const workflow = (await import(join(example, 'workflow.json'))) as WorkflowConfig;
    const result = await matter('graph', example);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    for (const [name, state] of Object.entries(workflow.states)) {
      const label = state.meta?.label;
      expect(lines).toContain(`  state "${label?.['zh-CN']} / ${label?.en}" as ${name}`);
      for (const [event, transitions] of Object.entries(state.on ?? {})) {
        for (const t of asList(transitions)) {
          expect(lines).toContain(
            `  ${name} --> ${t.target}: ${event} (${t.meta?.by?.join(' / ')})`,
          );
        }
      }
      for (const [delay, transitions] of Object.entries(state.after ?? {})) {
        for (const t of asList(transitions)) {
          expect(lines).toContain(`  ${name} --> ${t.target}: after ${delay} (system)`);
        }
      }
      if (state.type === 'final') expect(lines).toContain(`  ${name} --> [*]`);
    }
    expect(lines).toContain('  [*] --> draft');
  });
});
