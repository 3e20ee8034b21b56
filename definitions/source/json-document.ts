import {
  type Node,
  type ParseError,
  findNodeAtLocation,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';
import { decodePointer } from './json-pointer';

/** Limits that keep a hostile file from hanging or crashing the loader. */
export const jsonLimits = {
  /** Larger files are refused unread: no definition part needs this much. */
  maxBytes: 5 * 1024 * 1024,
  /** Deeper nesting is refused before parsing, so no parser recursion can overflow. */
  maxDepth: 200,
};

export interface SourcePosition {
  line: number;
  column: number;
}

export type JsonProblemCode = 'json-syntax' | 'json-too-deep' | 'file-too-large' | 'file-not-text';

export interface JsonProblem {
  code: JsonProblemCode;
  message: string;
  offset: number;
}

/**
 * JSON text with the positions of its values, so a JSON pointer maps back to a line and column.
 * Parsing never throws: problems come back as data.
 */
export class JsonDocument {
  readonly value: unknown;
  readonly problems: JsonProblem[];
  private readonly tree: Node | undefined;
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {
    const problems = checkShape(text);
    if (problems.length > 0) {
      this.problems = problems;
      return;
    }
    const { tree, errors } = parseStrict(text);
    this.tree = tree;
    this.problems = errors;
    // JSON.parse is native and iterative; the tree above only serves positions.
    this.value = errors.length === 0 ? JSON.parse(text) : undefined;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** The position of the value at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string): SourcePosition {
    return this.position(this.offsetOf(pointer));
  }

  /** The position of a property's key rather than its value, when it exists. */
  locateKey(pointer: string): SourcePosition {
    const node = this.nodeAt(pointer);
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return this.position(key?.offset ?? this.offsetOf(pointer));
  }

  offsetOf(pointer: string): number {
    const segments = decodePointer(pointer);
    for (let length = segments.length; length >= 0; length--) {
      const node = this.nodeAt(segments.slice(0, length));
      if (node) return node.offset;
    }
    return 0;
  }

  position(offset: number): SourcePosition {
    this.lineStarts ??= findLineStarts(this.text);
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  private nodeAt(pointer: string | string[]): Node | undefined {
    const segments = typeof pointer === 'string' ? decodePointer(pointer) : pointer;
    let node = this.tree;
    for (const segment of segments) {
      if (!node) return undefined;
      // jsonc-parser wants numbers for array steps and strings for object keys.
      node = findNodeAtLocation(node, [node.type === 'array' ? Number(segment) : segment]);
    }
    return node;
  }
}

function checkShape(text: string): JsonProblem[] {
  if (text.length > jsonLimits.maxBytes) {
    const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
    const limit = `${jsonLimits.maxBytes / 1024 / 1024} MB`;
    return [problem('file-too-large', `file is ${size}, over the ${limit} limit`, 0)];
  }
  const binary = text.indexOf('\u0000');
  if (binary >= 0 || text.includes('\uFFFD')) {
    return [problem('file-not-text', 'not UTF-8 text: the file looks binary', Math.max(binary, 0))];
  }
  const deep = findExcessiveDepth(text, jsonLimits.maxDepth);
  if (deep >= 0) {
    const message = `nesting deeper than ${jsonLimits.maxDepth} levels`;
    return [problem('json-too-deep', message, deep)];
  }
  return [];
}

/** Offset where nesting first passes `limit`, or -1; skips brackets inside strings. */
function findExcessiveDepth(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

function parseStrict(text: string): { tree: Node | undefined; errors: JsonProblem[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // The parser recovers and reports again at the same spot ("property expected", then "value
  // expected"); one finding per place is what a person needs.
  const firstPerOffset = errors.filter(
    (e, i) => errors.findIndex((o) => o.offset === e.offset) === i,
  );
  const problems = firstPerOffset.map((e) =>
    problem('json-syntax', describeParseError(printParseErrorCode(e.error)), e.offset),
  );
  if (!tree && problems.length === 0) problems.push(problem('json-syntax', 'empty file', 0));
  return { tree, errors: problems };
}

function describeParseError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `JSON syntax error: ${words}`;
}

function problem(code: JsonProblemCode, message: string, offset: number): JsonProblem {
  return { code, message, offset };
}

function findLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
