import Handlebars from 'handlebars';
import type { CompiledDefinition } from '../../definitions/compiled-definition';
import { failure } from '../engine-error';
import { type OutboxRow, isRecord } from './outbox-row';

/**
 * Renders a template of the application's matter version with the context frozen in the outbox
 * row. A missing template or one that throws will not get better on a retry:
 * `template_not_found` and `template_render_failed` are not retryable.
 */
export function renderTemplate(
  compiled: CompiledDefinition,
  name: string,
  context: Record<string, unknown>,
  row: OutboxRow,
): string {
  const template = compiled.templates[name];
  const matter = `${compiled.definition.matter.id}@${compiled.definition.matter.version}`;
  if (!template) {
    throw failure(
      'template_not_found',
      `outbox ${row.id}: ${matter} has no template "${name}"`,
      false,
    );
  }
  try {
    return template(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw failure(
      'template_render_failed',
      `outbox ${row.id}: ${matter} "${name}": ${reason}`,
      false,
    );
  }
}

/** A label as one line: `zh-CN / en` when both are there and differ, else the one there is. */
export function labelText(label: unknown): string | undefined {
  if (typeof label === 'string') return label || undefined;
  if (!isRecord(label)) return undefined;
  const chinese = typeof label['zh-CN'] === 'string' ? label['zh-CN'] : undefined;
  const english = typeof label.en === 'string' ? label.en : undefined;
  if (chinese && english && chinese !== english) return `${chinese} / ${english}`;
  return chinese || english || undefined;
}

/** Handlebars for one-line texts such as a subject: nothing escaped, since no HTML reads them. */
const textHandlebars = Handlebars.create();

/** Renders a short text (a subject) with the template context; a broken one comes back as is. */
export function renderText(source: string, context: Record<string, unknown>): string {
  try {
    return textHandlebars.compile(source, { noEscape: true })(context).replace(/\s+/g, ' ').trim();
  } catch {
    return source;
  }
}
