import { registrationMermaid } from './__fixtures__/registration-graph';
import { parseStatusGraph, transitionLabel } from './status-graph';

describe('parseStatusGraph', () => {
  const graph = parseStatusGraph(registrationMermaid);

  it('reads every state with its label, the initial state and the final ones', () => {
    expect(graph.initial).toBe('draft');
    expect(graph.states.map((state) => state.id)).toEqual([
      'draft',
      'submitted',
      'underReview',
      'correctionRequested',
      'approved',
      'rejected',
      'withdrawn',
    ]);
    expect(graph.states[3]).toEqual({
      id: 'correctionRequested',
      label: '补正中 / Correction requested',
      final: false,
    });
    expect(graph.states.filter((state) => state.final).map((state) => state.id)).toEqual([
      'approved',
      'rejected',
      'withdrawn',
    ]);
  });

  it('reads each transition with its trigger and senders, in order', () => {
    expect(graph.transitions).toHaveLength(10);
    expect(graph.transitions[2]).toEqual({
      from: 'submitted',
      to: 'underReview',
      trigger: 'START_REVIEW',
      guard: '',
      senders: 'reviewer / officer',
    });
  });

  it.each([
    ['a --> b: ACCEPT [dataSatisfies] (chief)', 'ACCEPT', 'dataSatisfies', 'chief'],
    [
      'a --> b: APPROVE [or(actorHasRole chief, not(dataSatisfies))] (reviewer / chief)',
      'APPROVE',
      'or(actorHasRole chief, not(dataSatisfies))',
      'reviewer / chief',
    ],
    ['a --> b: after PT12H (system)', 'after PT12H', '', 'system'],
    ['a --> b: always (system)', 'always', '', 'system'],
    ['a --> b', '', '', ''],
  ])('splits %p into trigger, guard and senders', (line, trigger, guard, senders) => {
    const [transition] = parseStatusGraph(`stateDiagram-v2\n  ${line}\n`).transitions;
    expect(transition).toMatchObject({ trigger, guard, senders });
  });

  it('decodes the entity codes the API writes for quotes, colons and semicolons', () => {
    const text = 'stateDiagram-v2\n  state "说#58; #quot;好#quot; / Say#59; #35;1 #92;" as a\n';
    expect(parseStatusGraph(text).states[0]?.label).toBe('说: "好" / Say; #1 \\');
  });

  it('labels a state named only by an arrow with its id and skips unknown lines', () => {
    const text = 'stateDiagram-v2\n  direction LR\n  note left of a: hi\n  a --> b: GO (nobody)\n';
    const parsed = parseStatusGraph(text);
    expect(parsed.states).toEqual([
      { id: 'a', label: 'a', final: false },
      { id: 'b', label: 'b', final: false },
    ]);
    expect(parsed.initial).toBeNull();
  });

  it('writes the words on an arrow back as the API wrote them', () => {
    const line = 'APPROVE [formComplete] (reviewer / officer)';
    const [transition] = parseStatusGraph(`stateDiagram-v2\n  a --> b: ${line}\n`).transitions;
    expect(transitionLabel(transition!)).toBe(line);
  });
});
