import type { WorkflowConfig } from '../matter-definition';
import { permit } from './__fixtures__/permit-fixture';
import { describeGuard, workflowEdges } from './workflow-edges';
import { toDot, toMermaid } from './workflow-graph';

describe('toMermaid', () => {
  const mermaid = toMermaid(permit.workflow);
  const lines = mermaid.trimEnd().split('\n');

  test('is a stateDiagram-v2 starting at the initial state', () => {
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines).toContain('  [*] --> draft');
  });

  test('names every state with both labels', () => {
    for (const [name, state] of Object.entries(permit.workflow.states)) {
      const label = state.meta?.label;
      expect(lines).toContain(`  state "${label?.['zh-CN']} / ${label?.en}" as ${name}`);
    }
  });

  test.each([
    'draft --> submitted: SUBMIT (applicant)',
    'submitted --> accepted: ACCEPT [dataSatisfies] (chief)',
    'submitted --> accepted: ACCEPT (officer)',
    'submitted --> accepted: after PT12H (system)',
    'accepted --> approved: APPROVE [or(actorHasRole chief, not(dataSatisfies))] (reviewer / chief)',
    'accepted --> correction: REQUEST_CORRECTION (reviewer)',
    'correction --> accepted: RESUBMIT [formComplete] (applicant)',
    'correction --> withdrawn: after P10D (system)',
  ])('has the transition %s', (line) => {
    expect(lines).toContain(`  ${line}`);
  });

  test('has one line per transition and leads every final state out', () => {
    expect(
      lines.filter((line) => / --> [a-zA-Z]/.test(line) && !line.includes('[*] -->')),
    ).toHaveLength(workflowEdges(permit.workflow).length);
    expect(lines.filter((line) => line.endsWith('--> [*]'))).toEqual([
      '  approved --> [*]',
      '  rejected --> [*]',
      '  withdrawn --> [*]',
    ]);
  });

  test('escapes quotes, colons and semicolons in labels', () => {
    const text = toMermaid(oddWorkflow);
    expect(text).toContain(
      'state "说#58; #quot;好#quot; / Say#58; #quot;yes#quot;#59; #35;1 #92;" as a',
    );
    expect(text).toContain('a --> a: GO (nobody)');
    expect(text).toContain('a --> b: always (system)');
  });
});

describe('toDot', () => {
  const dot = toDot(permit.workflow);

  test('is a digraph with every state, final ones doubled', () => {
    expect(dot.startsWith('digraph "street-stall-permit" {')).toBe(true);
    expect(dot).toContain('"draft" [label="草稿\\nDraft"];');
    expect(dot).toContain('"approved" [label="已批准\\nApproved", peripheries=2];');
    expect(dot).toContain('"__start" -> "draft";');
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });

  test('labels every transition with its sender', () => {
    expect(dot).toContain('"draft" -> "submitted" [label="SUBMIT (applicant)"];');
    expect(dot).toContain('"correction" -> "withdrawn" [label="after P10D (system)"];');
    expect(dot.match(/ -> /g)).toHaveLength(workflowEdges(permit.workflow).length + 1);
  });

  test('escapes quotes and backslashes', () => {
    expect(toDot(oddWorkflow)).toContain('"a" [label="说: \\"好\\"\\nSay: \\"yes\\"; #1 \\\\"];');
  });
});

test('describeGuard reads nested guards briefly', () => {
  expect(
    describeGuard({
      type: 'and',
      params: {
        guards: [
          { type: 'formComplete' },
          { type: 'not', params: { guard: { type: 'actorHasRole', params: { role: 'chief' } } } },
        ],
      },
    }),
  ).toBe('and(formComplete, not(actorHasRole chief))');
});

const oddWorkflow: WorkflowConfig = {
  id: 'odd',
  initial: 'a',
  states: {
    a: {
      meta: { label: { 'zh-CN': '说: "好"', en: 'Say: "yes"; #1 \\' } },
      on: { GO: {} },
      always: { target: 'b' },
    },
    b: { type: 'final' },
  },
};
