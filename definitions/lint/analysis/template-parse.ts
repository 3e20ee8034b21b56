import Handlebars from 'handlebars';
import type { LoadedTemplate } from '../../source/loaded-definition';
import type { SourcePosition } from '../../source/json-document';
import type { RuleContext } from '../lint-rule';

export type ParsedTemplate =
  | { ok: true; program: hbs.AST.Program }
  | { ok: false; message: string; line: number; column: number };

/**
 * Parsed templates by source text. Handlebars' parser is slow (~0.2 ms for a short text) and
 * the same templates recur across versions and variants of a matter; the bound keeps a long
 * run from growing the cache without limit. ASTs are only read, never changed.
 */
const parsed = new Map<string, ParsedTemplate>();
const maxParsed = 1000;

/** Parses a template; a syntax error comes back as data with its place. */
export function parseTemplate(template: LoadedTemplate): ParsedTemplate {
  let result = parsed.get(template.source);
  if (!result) {
    result = parseSource(template.source);
    if (parsed.size >= maxParsed) parsed.clear();
    parsed.set(template.source, result);
  }
  return result;
}

function parseSource(source: string): ParsedTemplate {
  try {
    return { ok: true, program: Handlebars.parse(source) };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { ok: false, ...errorPlace(error, text, source), message: firstLines(text) };
  }
}

/**
 * Handlebars reports the place two ways: as lineNumber/column on the error (mismatched
 * blocks), or only inside a jison message with a caret under an excerpt (syntax errors).
 */
function errorPlace(error: unknown, text: string, source: string): SourcePosition {
  const place = error as { lineNumber?: unknown; column?: unknown };
  if (typeof place.lineNumber === 'number') {
    return {
      line: place.lineNumber,
      column: (typeof place.column === 'number' ? place.column : 0) + 1,
    };
  }
  const line = Number(/on line (\d+)/.exec(text)?.[1] ?? 1);
  const [, excerpt = '', caret = ''] = text.split('\n');
  const before = excerpt.slice(0, caret.indexOf('^')).replace(/^\.\.\./, '');
  return { line, column: caretColumn(source.split('\n')[line - 1] ?? '', before) };
}

/** The column in `line` right after the excerpt text that preceded the caret. */
function caretColumn(line: string, before: string): number {
  for (let end = line.length; end > 0; end--) {
    const head = line.slice(0, end);
    if (before.endsWith(head) || head.endsWith(before)) return end + 1;
  }
  return 1;
}

function firstLines(message: string): string {
  const lines = message.split('\n');
  const head = lines[0] ?? message;
  const expecting = /^Expecting (.*), got (.*)$/.exec(
    lines.find((l) => l.startsWith('Expecting')) ?? '',
  );
  if (!expecting) return head;
  const tokens = (expecting[1] ?? '').split(', ');
  const shown = tokens.length > 3 ? [...tokens.slice(0, 3), '…'] : tokens;
  return `${head} expecting ${shown.join(', ')}, got ${expecting[2]}`;
}

/**
 * Where a line and column inside a template lie in its file: the same for a .hbs file; in a
 * bundle, found by counting the escaped newlines of the JSON string (other escapes make the
 * column approximate).
 */
export function templatePosition(
  context: RuleContext,
  template: LoadedTemplate,
  place: SourcePosition,
): SourcePosition {
  if (template.base === '') return place;
  const document = context.definition.documents.get(template.file);
  if (!document) return place;
  const text = document.text;
  let offset = document.offsetOf(template.base) + 1;
  for (let line = 1; line < place.line && offset < text.length && text[offset] !== '"';) {
    if (text[offset] === '\\') {
      if (text[offset + 1] === 'n') line++;
      offset += 2;
    } else offset++;
  }
  return document.position(offset + place.column - 1);
}
