/**
 * A matter's workflow as the admin console draws it: the states with their labels, where an
 * application starts, and each transition with its trigger (event, `after P5D`, `always`), the
 * guard in a few words and who may send it.
 */
export interface StatusGraph {
  initial: string | null;
  states: StatusGraphState[];
  transitions: StatusGraphTransition[];
}

export interface StatusGraphState {
  id: string;
  label: string;
  final: boolean;
}

export interface StatusGraphTransition {
  from: string;
  to: string;
  trigger: string;
  /** '' without a guard. */
  guard: string;
  /** `applicant`, `reviewer / officer`, `system`; '' when the diagram names nobody. */
  senders: string;
}

const stateLine = /^state "(.*)" as (\S+)$/;
const arrowLine = /^(\[\*\]|[^\s:]+)\s*-->\s*(\[\*\]|[^\s:]+)(?:\s*:\s*(.*))?$/;

/**
 * Reads the Mermaid `stateDiagram-v2` text that the admin API gives as `graph` (what `matter
 * graph` prints): `state "label" as id` lines, `[*] --> initial`, `a --> b: EVENT [guard]
 * (senders)` and `final --> [*]`. Lines of any other shape are skipped, so a richer diagram
 * still yields its states and arrows; a state named only by an arrow is labelled with its id.
 */
export function parseStatusGraph(mermaid: string): StatusGraph {
  const graph: StatusGraph = { initial: null, states: [], transitions: [] };
  for (const raw of mermaid.split(/\r?\n/)) readLine(graph, raw.trim());
  return graph;
}

/** `SUBMIT (applicant)`, `ACCEPT [dataSatisfies] (chief)`: the words on one arrow. */
export function transitionLabel(transition: StatusGraphTransition): string {
  const guard = transition.guard ? ` [${transition.guard}]` : '';
  const senders = transition.senders ? ` (${transition.senders})` : '';
  return `${transition.trigger}${guard}${senders}`;
}

function readLine(graph: StatusGraph, line: string): void {
  const state = stateLine.exec(line);
  if (state) {
    stateNamed(graph, state[2]!).label = decodeEntities(state[1]!);
    return;
  }
  const arrow = arrowLine.exec(line);
  if (!arrow) return;
  const [, from = '', to = '', label] = arrow;
  if (from === '[*]') {
    if (to !== '[*]') graph.initial ??= stateNamed(graph, to).id;
  } else if (to === '[*]') {
    stateNamed(graph, from).final = true;
  } else {
    stateNamed(graph, from);
    stateNamed(graph, to);
    graph.transitions.push({ from, to, ...splitLabel(decodeEntities(label ?? '')) });
  }
}

function stateNamed(graph: StatusGraph, id: string): StatusGraphState {
  let state = graph.states.find((candidate) => candidate.id === id);
  if (!state) {
    state = { id, label: id, final: false };
    graph.states.push(state);
  }
  return state;
}

/** The senders are the last parenthesised group; the guard the bracketed part before it. */
function splitLabel(label: string): Pick<StatusGraphTransition, 'trigger' | 'guard' | 'senders'> {
  let rest = label.trim();
  let senders = '';
  const open = rest.lastIndexOf(' (');
  if (rest.endsWith(')') && open >= 0) {
    senders = rest.slice(open + 2, -1).trim();
    rest = rest.slice(0, open).trim();
  }
  let guard = '';
  const bracket = rest.indexOf(' [');
  if (rest.endsWith(']') && bracket >= 0) {
    guard = rest.slice(bracket + 2, -1).trim();
    rest = rest.slice(0, bracket).trim();
  }
  return { trigger: rest, guard, senders };
}

const namedEntities: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };

/** Mermaid's entity codes (`#58;` for a colon, `#quot;`) back to the characters. */
function decodeEntities(text: string): string {
  return text.replace(/#(\d+|[a-z]+);/g, (whole, code: string) => {
    if (/^\d+$/.test(code)) return String.fromCodePoint(Number(code));
    return namedEntities[code] ?? whole;
  });
}
