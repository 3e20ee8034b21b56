import type { Locale } from '../i18n/i18n';
import type { SchemaNode } from './form-steps';

/** Keywords whose values are data, not subschemas: nothing inside them is a label. */
const dataKeywords = new Set(['const', 'enum', 'default', 'examples', 'required']);

/**
 * The form schema with the labels of one language. A JSON Schema has one `title`, so matter
 * definitions write the Chinese label as `title` and the English one as `description` (see
 * examples/matters/README.md): in English the description becomes the title; in either
 * language it is no longer shown as a description, since it only repeats the label.
 */
export function localizeSchema(schema: SchemaNode, locale: Locale): SchemaNode {
  return localizeNode(schema, locale) as SchemaNode;
}

/**
 * The uiSchema with the texts of one language: help texts, descriptions, titles and
 * placeholders are written "中文 / English", and each language gets its own half.
 */
export function localizeUiSchema(uiSchema: SchemaNode, locale: Locale): SchemaNode {
  return localizeUiNode(uiSchema, locale) as SchemaNode;
}

/** One half of a "中文 / English" text; a text without the separator is kept whole. */
export function bilingualPart(text: string, locale: Locale): string {
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return (locale === 'en' ? text.slice(at + 3) : text.slice(0, at)).trim();
}

function localizeNode(node: unknown, locale: Locale): unknown {
  if (Array.isArray(node)) return node.map((item) => localizeNode(item, locale));
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as SchemaNode).map(([key, value]) => [
    key,
    dataKeywords.has(key) ? value : localizeNode(value, locale),
  ]);
  const result = Object.fromEntries(entries) as SchemaNode;
  if (typeof result.title !== 'string' || typeof result.description !== 'string') return result;
  const { description, ...rest } = result;
  return locale === 'en' ? { ...rest, title: description } : rest;
}

const bilingualUiKeys = new Set(['ui:help', 'ui:description', 'ui:title', 'ui:placeholder']);

function localizeUiNode(node: unknown, locale: Locale): unknown {
  if (Array.isArray(node)) return node.map((item) => localizeUiNode(item, locale));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node as SchemaNode).map(([key, value]) => {
      if (bilingualUiKeys.has(key) && typeof value === 'string') {
        return [key, bilingualPart(value, locale)];
      }
      return [key, key === 'ui:steps' ? value : localizeUiNode(value, locale)];
    }),
  );
}
