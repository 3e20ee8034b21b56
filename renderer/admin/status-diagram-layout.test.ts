import { registrationMermaid } from './__fixtures__/registration-graph';
import {
  type Box,
  type DiagramNode,
  type Point,
  type StatusDiagramLayout,
  layoutStatusDiagram,
  textWidth,
} from './status-diagram-layout';
import { type StatusGraph, parseStatusGraph } from './status-graph';

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function pairs<T>(items: T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));
}

function onBorder(point: Point, node: DiagramNode): boolean {
  const withinX = point.x >= node.x && point.x <= node.x + node.width;
  const withinY = point.y >= node.y && point.y <= node.y + node.height;
  const onHorizontal = withinX && (point.y === node.y || point.y === node.y + node.height);
  const onVertical = withinY && (point.x === node.x || point.x === node.x + node.width);
  return onHorizontal || onVertical;
}

function nodeOf(layout: StatusDiagramLayout, id: string): DiagramNode {
  const node = layout.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

/** The middle points of an arrow: those that are on neither end's border. */
function innerSegments(points: Point[]): [Point, Point][] {
  return points.slice(1).map((point, i): [Point, Point] => [points[i]!, point]);
}

function segmentCrossesBox([a, b]: [Point, Point], box: Box): boolean {
  // Arrows are vertical runs or straight slants between rows; sample along the segment.
  for (let step = 1; step < 20; step++) {
    const x = a.x + ((b.x - a.x) * step) / 20;
    const y = a.y + ((b.y - a.y) * step) / 20;
    if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true;
  }
  return false;
}

const checks = (name: string, graph: StatusGraph) => {
  const layout = layoutStatusDiagram(graph);

  describe(name, () => {
    it('gives every state one box and no two boxes overlap', () => {
      expect(layout.nodes.map((node) => node.id).sort()).toEqual(
        graph.states.map((state) => state.id).sort(),
      );
      for (const [a, b] of pairs(layout.nodes)) expect(overlaps(a, b)).toBe(false);
    });

    it('keeps labels apart from each other and off the boxes', () => {
      const labels = layout.edges.map((edge) => edge.labelBox);
      for (const [a, b] of pairs(labels)) expect(overlaps(a, b)).toBe(false);
      for (const label of labels) {
        for (const node of layout.nodes) expect(overlaps(label, node)).toBe(false);
      }
    });

    it('starts each arrow on its source and ends it on its target, crossing no other box', () => {
      for (const edge of layout.edges) {
        const source = nodeOf(layout, edge.transition.from);
        const target = nodeOf(layout, edge.transition.to);
        expect(onBorder(edge.points[0]!, source)).toBe(true);
        expect(onBorder(edge.points[edge.points.length - 1]!, target)).toBe(true);
        const others = layout.nodes.filter((node) => node !== source && node !== target);
        for (const segment of innerSegments(edge.points)) {
          for (const node of others) expect(segmentCrossesBox(segment, node)).toBe(false);
        }
      }
    });

    it('fits everything inside the drawing', () => {
      const marks = [
        ...layout.nodes,
        ...layout.edges.map((edge) => edge.labelBox),
        ...layout.edges.flatMap((edge) => edge.points.map((p) => ({ ...p, width: 0, height: 0 }))),
      ];
      for (const mark of marks) {
        expect(mark.x).toBeGreaterThanOrEqual(0);
        expect(mark.y).toBeGreaterThanOrEqual(0);
        expect(mark.x + mark.width).toBeLessThanOrEqual(layout.width);
        expect(mark.y + mark.height).toBeLessThanOrEqual(layout.height);
      }
    });

    it('is the same drawing every time', () => {
      expect(layoutStatusDiagram(graph)).toEqual(layout);
    });
  });
  return layout;
};

describe('layoutStatusDiagram', () => {
  const registration = checks('the registration workflow', parseStatusGraph(registrationMermaid));

  it('puts states in rows by their breadth-first distance from the initial state', () => {
    const layerOf = (id: string) => nodeOf(registration, id).layer;
    expect(['draft', 'submitted', 'underReview', 'correctionRequested'].map(layerOf)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(layerOf('withdrawn')).toBe(1);
    expect(layerOf('rejected')).toBe(2);
    expect(layerOf('approved')).toBe(3);
    const rowY = new Map(registration.nodes.map((node) => [node.layer, node.y]));
    expect([...rowY.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(rowY.get(0)!).toBeLessThan(rowY.get(1)!);
    expect(rowY.get(2)!).toBeLessThan(rowY.get(3)!);
  });

  it('marks the initial state with a start arrow into its top, and the final states', () => {
    const draft = nodeOf(registration, 'draft');
    expect(draft.initial).toBe(true);
    expect(registration.start?.into).toEqual({ x: draft.x + draft.width / 2, y: draft.y });
    expect(registration.start!.dot.y).toBeLessThan(draft.y);
    expect(
      registration.nodes
        .filter((node) => node.final)
        .map((node) => node.id)
        .sort(),
    ).toEqual(['approved', 'rejected', 'withdrawn']);
  });

  it('labels each arrow with its event and who may send it', () => {
    const labels = registration.edges.map((edge) => edge.label);
    expect(labels).toContain('REQUEST_CORRECTION (reviewer / officer)');
    expect(labels).toContain('RESUBMIT (applicant)');
  });

  it('widens a box to its label', () => {
    const long = nodeOf(registration, 'correctionRequested');
    expect(long.width).toBeGreaterThanOrEqual(textWidth('补正中 / Correction requested', 13));
  });

  checks(
    'a workflow with a loop, a same-row arrow, a long jump up and an unreachable state',
    parseStatusGraph(`stateDiagram-v2
  [*] --> a
  a --> b: GO (applicant)
  a --> c: SKIP (officer)
  b --> c: SIDE (officer)
  b --> d: ON (officer)
  d --> e: ON (officer)
  e --> a: RESTART (system)
  e --> e: after P1D (system)
  e --> e: always (system)
  island --> e: NEVER (nobody)
  e --> [*]
`),
  );

  it('places states the initial state cannot reach one row below the rest', () => {
    const layout = layoutStatusDiagram(
      parseStatusGraph('stateDiagram-v2\n  [*] --> a\n  a --> b: GO (x)\n  c --> b: NO (x)\n'),
    );
    expect(nodeOf(layout, 'c').layer).toBe(2);
  });

  it('draws an empty graph as an empty drawing', () => {
    const layout = layoutStatusDiagram({ initial: null, states: [], transitions: [] });
    expect(layout).toMatchObject({ nodes: [], edges: [], start: null });
  });
});
