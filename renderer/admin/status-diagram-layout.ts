import {
  type StatusGraph,
  type StatusGraphState,
  type StatusGraphTransition,
  transitionLabel,
} from './status-graph';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramNode extends Box {
  id: string;
  label: string;
  layer: number;
  initial: boolean;
  final: boolean;
}

export interface DiagramEdge {
  transition: StatusGraphTransition;
  label: string;
  /** The arrow as a polyline from the source's border to the target's. */
  points: Point[];
  labelBox: Box;
}

export interface StatusDiagramLayout {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The start dot and the arrow from it into the initial state, when there is one. */
  start: { dot: Point; into: Point } | null;
}

/** Sizes in SVG user units; the drawing uses the same font sizes as the text estimate. */
export const diagramMetrics = {
  fontSize: 13,
  labelFontSize: 12,
  nodeHeight: 44,
  nodePadding: 24,
  minNodeWidth: 96,
  slotGap: 32,
  dummyWidth: 16,
  laneHeight: 20,
  gapPadding: 10,
  minGap: 48,
  margin: 16,
  startHeight: 40,
  loopReach: 18,
};

const m = diagramMetrics;

interface Slot {
  key: string;
  width: number;
  state?: StatusGraphState;
  x: number;
}

type EdgeKind = 'down' | 'up' | 'flat' | 'self';

/** One transition while it is laid out: the slots it passes, its label's gap and lane. */
interface Route {
  index: number;
  transition: StatusGraphTransition;
  label: string;
  kind: EdgeKind;
  chain: string[];
  gap: number;
  lane: number;
}

/**
 * Lays a status graph out in layers: each state sits in the row of its breadth-first distance
 * from the initial state (states it cannot reach in one row after the rest); a transition that
 * skips rows passes through a slot of its own in each row between, so it never crosses a box;
 * rows are ordered by the barycentre of their neighbours to cut crossings. Every label gets its
 * own lane in the gap the arrow leaves its source through, so no two labels overlap and none
 * covers a state. Pure and deterministic: the same graph gives the same drawing.
 */
export function layoutStatusDiagram(graph: StatusGraph): StatusDiagramLayout {
  const initial = graph.initial ?? graph.states[0]?.id ?? null;
  const layers = assignLayers(graph, initial);
  const routes = graph.transitions.map((transition, index) => routeOf(transition, index, layers));
  const rows = buildRows(graph, layers, routes);
  orderRows(rows, routes);
  placeSlots(rows);
  const rowTops = placeRows(rows.length, assignLanes(routes));

  const slots = new Map(rows.flat().map((slot) => [slot.key, slot]));
  const nodes = rows.flat().flatMap((slot) => nodeOf(slot, layers, rowTops, initial));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const attachments = attachAll(routes, byId, slots);
  const edges = routes.map((route) => edgeOf(route, byId, slots, rowTops, attachments));
  const start = startOf(initial ? byId.get(initial) : undefined);
  return fitToMargin(nodes, edges, start);
}

/** Breadth-first distance from the initial state; unreachable states one row past the rest. */
function assignLayers(graph: StatusGraph, initial: string | null): Map<string, number> {
  const layers = new Map<string, number>();
  const queue: string[] = [];
  if (initial) {
    layers.set(initial, 0);
    queue.push(initial);
  }
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const { to } of graph.transitions.filter((t) => t.from === from)) {
      if (layers.has(to)) continue;
      layers.set(to, layers.get(from)! + 1);
      queue.push(to);
    }
  }
  const unreached = Math.max(-1, ...layers.values()) + 1;
  for (const state of graph.states) if (!layers.has(state.id)) layers.set(state.id, unreached);
  return layers;
}

function routeOf(
  transition: StatusGraphTransition,
  index: number,
  layers: Map<string, number>,
): Route {
  const from = layers.get(transition.from) ?? 0;
  const to = layers.get(transition.to) ?? 0;
  const kind: EdgeKind =
    transition.from === transition.to ? 'self' : to > from ? 'down' : to < from ? 'up' : 'flat';
  const chain = [stateKey(transition.from)];
  const step = to > from ? 1 : -1;
  if (kind === 'down' || kind === 'up') {
    for (let layer = from + step; layer !== to; layer += step) {
      chain.push(dummyKey(index, layer));
    }
  }
  chain.push(stateKey(transition.to));
  const gap = kind === 'up' ? from - 1 : from;
  return { index, transition, label: transitionLabel(transition), kind, chain, gap, lane: 0 };
}

/** Each row: its states in the order the graph declares them, then the passing arrows' slots. */
function buildRows(graph: StatusGraph, layers: Map<string, number>, routes: Route[]): Slot[][] {
  const count = Math.max(0, ...layers.values()) + 1;
  const rows: Slot[][] = Array.from({ length: count }, () => []);
  for (const state of graph.states) {
    const width = nodeWidth(state.label) + selfLoopReach(state.id, routes);
    rows[layers.get(state.id)!]!.push({ key: stateKey(state.id), width, state, x: 0 });
  }
  for (const route of routes) {
    for (const key of route.chain.slice(1, -1)) {
      rows[layerOfDummy(key)]!.push({ key, width: m.dummyWidth, x: 0 });
    }
  }
  return rows;
}

/** Two sweeps down and up, each row sorted by the mean position of its neighbours. */
function orderRows(rows: Slot[][], routes: Route[]): void {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const route of routes) {
    for (let i = 1; i < route.chain.length && route.kind !== 'flat'; i++) {
      if (route.kind === 'self') break;
      link(route.chain[i - 1]!, route.chain[i]!);
      link(route.chain[i]!, route.chain[i - 1]!);
    }
  }
  for (let pass = 0; pass < 2; pass++) {
    for (let layer = 1; layer < rows.length; layer++) sortRow(rows, layer, layer - 1, neighbours);
    for (let layer = rows.length - 2; layer >= 0; layer--) {
      sortRow(rows, layer, layer + 1, neighbours);
    }
  }
}

function sortRow(
  rows: Slot[][],
  layer: number,
  reference: number,
  neighbours: Map<string, string[]>,
): void {
  const positions = new Map(rows[reference]!.map((slot, i) => [slot.key, i]));
  const row = rows[layer]!;
  const centre = new Map(
    row.map((slot, i) => {
      const known = (neighbours.get(slot.key) ?? []).flatMap((key) => {
        const position = positions.get(key);
        return position === undefined ? [] : [position];
      });
      const mean = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : i;
      return [slot.key, mean];
    }),
  );
  row.sort((a, b) => centre.get(a.key)! - centre.get(b.key)!);
}

/** Rows centred on the widest one, slots left to right with a fixed gap. */
function placeSlots(rows: Slot[][]): void {
  const rowWidth = (row: Slot[]) =>
    row.reduce((sum, slot) => sum + slot.width, 0) + m.slotGap * Math.max(0, row.length - 1);
  const widest = Math.max(0, ...rows.map(rowWidth));
  for (const row of rows) {
    let x = (widest - rowWidth(row)) / 2;
    for (const slot of row) {
      slot.x = x;
      x += slot.width + m.slotGap;
    }
  }
}

/**
 * Numbers the labels within each gap (a self-loop's within its state); returns how many lanes
 * each gap needs.
 */
function assignLanes(routes: Route[]): Map<number, number> {
  const lanes = new Map<number, number>();
  const loops = new Map<string, number>();
  for (const route of routes) {
    if (route.kind === 'self') {
      route.lane = loops.get(route.transition.from) ?? 0;
      loops.set(route.transition.from, route.lane + 1);
      continue;
    }
    route.lane = lanes.get(route.gap) ?? 0;
    lanes.set(route.gap, route.lane + 1);
  }
  return lanes;
}

/** The top of each row, and one entry past the last for the drawing's height. */
function placeRows(count: number, lanes: Map<number, number>): number[] {
  const tops: number[] = [];
  let y = m.margin + m.startHeight;
  for (let layer = 0; layer < count; layer++) {
    tops.push(y);
    const needed = (lanes.get(layer) ?? 0) * m.laneHeight + 2 * m.gapPadding;
    const last = layer === count - 1;
    y += m.nodeHeight + (last && !lanes.get(layer) ? 0 : Math.max(m.minGap, needed));
  }
  tops.push(y);
  return tops;
}

function nodeOf(
  slot: Slot,
  layers: Map<string, number>,
  rowTops: number[],
  initial: string | null,
): DiagramNode[] {
  const { state } = slot;
  if (!state) return [];
  const layer = layers.get(state.id)!;
  return [
    {
      id: state.id,
      label: state.label,
      layer,
      initial: state.id === initial,
      final: state.final,
      x: slot.x,
      y: rowTops[layer]!,
      width: nodeWidth(state.label),
      height: m.nodeHeight,
    },
  ];
}

type Side = 'top' | 'bottom';

/** Where each route leaves and enters, keyed `index:source` and `index:target`. */
function attachAll(
  routes: Route[],
  nodes: Map<string, DiagramNode>,
  slots: Map<string, Slot>,
): Map<string, number> {
  const ends = new Map<string, { key: string; towards: number; index: number }[]>();
  const add = (node: string, side: Side, key: string, towards: number, index: number) => {
    const list = ends.get(`${node}:${side}`) ?? [];
    list.push({ key, towards, index });
    ends.set(`${node}:${side}`, list);
  };
  for (const route of routes) {
    if (route.kind === 'self') continue;
    const { from, to } = route.transition;
    const next = centreOf(slots.get(route.chain[1]!)!);
    const previous = centreOf(slots.get(route.chain[route.chain.length - 2]!)!);
    const [leave, enter] = sidesOf(route.kind);
    add(from, leave, `${route.index}:source`, next, route.index);
    add(to, enter, `${route.index}:target`, previous, route.index);
  }
  const attachments = new Map<string, number>();
  for (const [place, list] of ends) {
    const node = nodes.get(place.slice(0, place.lastIndexOf(':')))!;
    list.sort((a, b) => a.towards - b.towards || a.index - b.index);
    list.forEach((end, k) => {
      attachments.set(end.key, node.x + (node.width * (k + 1)) / (list.length + 1));
    });
  }
  return attachments;
}

/** Down leaves the bottom and enters the top; up the reverse; flat uses the bottoms. */
function sidesOf(kind: EdgeKind): [Side, Side] {
  if (kind === 'down') return ['bottom', 'top'];
  if (kind === 'up') return ['top', 'bottom'];
  return ['bottom', 'bottom'];
}

function edgeOf(
  route: Route,
  nodes: Map<string, DiagramNode>,
  slots: Map<string, Slot>,
  rowTops: number[],
  attachments: Map<string, number>,
): DiagramEdge {
  const source = nodes.get(route.transition.from)!;
  const target = nodes.get(route.transition.to)!;
  if (route.kind === 'self') return selfLoop(route, source);
  const laneY =
    rowTops[route.gap]! + m.nodeHeight + m.gapPadding + (route.lane + 0.5) * m.laneHeight;
  const sourceX = attachments.get(`${route.index}:source`)!;
  const targetX = attachments.get(`${route.index}:target`)!;
  let points: Point[];
  let labelX: number;
  if (route.kind === 'flat') {
    const bottom = source.y + source.height;
    points = [
      { x: sourceX, y: bottom },
      { x: sourceX, y: laneY },
      { x: targetX, y: laneY },
      { x: targetX, y: bottom },
    ];
    labelX = (sourceX + targetX) / 2;
  } else {
    points = chainPoints(route, source, target, sourceX, targetX, slots, rowTops);
    labelX = xAt(points, laneY);
  }
  const labelBox = labelBoxAt(labelX, laneY, route.label);
  return { transition: route.transition, label: route.label, points, labelBox };
}

function chainPoints(
  route: Route,
  source: DiagramNode,
  target: DiagramNode,
  sourceX: number,
  targetX: number,
  slots: Map<string, Slot>,
  rowTops: number[],
): Point[] {
  const down = route.kind === 'down';
  const points: Point[] = [{ x: sourceX, y: down ? source.y + source.height : source.y }];
  for (const key of route.chain.slice(1, -1)) {
    const x = centreOf(slots.get(key)!);
    const top = rowTops[layerOfDummy(key)]!;
    const bottom = top + m.nodeHeight;
    points.push({ x, y: down ? top : bottom }, { x, y: down ? bottom : top });
  }
  points.push({ x: targetX, y: down ? target.y : target.y + target.height });
  return points;
}

/**
 * A loop out of the right side and back, its label beside it; a second loop on the same state
 * reaches further out with its label one lane lower.
 */
function selfLoop(route: Route, node: DiagramNode): DiagramEdge {
  const before = route.lane;
  const right = node.x + node.width;
  const top = node.y + node.height * 0.3;
  const bottom = node.y + node.height * 0.7;
  const reach = right + m.loopReach + 6 * before;
  const points = [
    { x: right, y: top },
    { x: reach, y: top },
    { x: reach, y: bottom },
    { x: right, y: bottom },
  ];
  const centreY = node.y + node.height / 2 + before * m.laneHeight;
  const labelBox = { ...labelBoxAt(0, centreY, route.label), x: reach + 4 };
  return { transition: route.transition, label: route.label, points, labelBox };
}

function startOf(initial: DiagramNode | undefined): StatusDiagramLayout['start'] {
  if (!initial) return null;
  const x = initial.x + initial.width / 2;
  return { dot: { x, y: initial.y - m.startHeight + 8 }, into: { x, y: initial.y } };
}

/** Moves everything so the leftmost mark sits at the margin, and measures the drawing. */
function fitToMargin(
  nodes: DiagramNode[],
  edges: DiagramEdge[],
  start: StatusDiagramLayout['start'],
): StatusDiagramLayout {
  const boxes: Box[] = [...nodes, ...edges.map((edge) => edge.labelBox)];
  const xs = [
    ...boxes.flatMap((b) => [b.x, b.x + b.width]),
    ...edges.flatMap((edge) => edge.points.map((point) => point.x)),
  ];
  const ys = [
    ...boxes.map((b) => b.y + b.height),
    ...edges.flatMap((e) => e.points.map((p) => p.y)),
  ];
  const shift = m.margin - Math.min(m.margin, ...xs);
  const move = <T extends { x: number }>(item: T): T => ({ ...item, x: item.x + shift });
  return {
    width: Math.max(0, ...xs) + shift + m.margin,
    height: Math.max(m.margin, ...ys) + m.margin,
    nodes: nodes.map(move),
    edges: edges.map((edge) => ({
      ...edge,
      points: edge.points.map(move),
      labelBox: move(edge.labelBox),
    })),
    start: start && { dot: move(start.dot), into: move(start.into) },
  };
}

/** The x where the polyline crosses height y (the first segment spanning it). */
function xAt(points: Point[], y: number): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if ((a.y - y) * (b.y - y) > 0 || a.y === b.y) continue;
    return a.x + ((b.x - a.x) * (y - a.y)) / (b.y - a.y);
  }
  return points[0]!.x;
}

function labelBoxAt(centreX: number, centreY: number, label: string): Box {
  const width = labelWidth(label);
  const height = m.laneHeight - 2;
  return { x: centreX - width / 2, y: centreY - height / 2, width, height };
}

function centreOf(slot: Slot): number {
  return slot.state ? slot.x + nodeWidth(slot.state.label) / 2 : slot.x + slot.width / 2;
}

function selfLoopReach(id: string, routes: Route[]): number {
  const loops = routes.filter((route) => route.kind === 'self' && route.transition.from === id);
  if (loops.length === 0) return 0;
  const reach = m.loopReach + 6 * (loops.length - 1);
  return reach + 8 + Math.max(...loops.map((route) => labelWidth(route.label)));
}

function nodeWidth(label: string): number {
  return Math.max(m.minNodeWidth, Math.ceil(textWidth(label, m.fontSize)) + m.nodePadding);
}

function labelWidth(label: string): number {
  return Math.ceil(textWidth(label, m.labelFontSize)) + 8;
}

/**
 * An estimate of a text's width without a browser: Chinese (and other wide) characters are
 * about one em, capitals about 0.7 em, everything else about 0.58 em.
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x2e80) ems += 1;
    else if (/[A-Z]/.test(char)) ems += 0.7;
    else ems += 0.58;
  }
  return ems * fontSize;
}

function stateKey(id: string): string {
  return `s:${id}`;
}

function dummyKey(index: number, layer: number): string {
  return `d:${index}:${layer}`;
}

function layerOfDummy(key: string): number {
  return Number(key.slice(key.lastIndexOf(':') + 1));
}
