/** The longest SMS the engine sends: a few concatenated segments, not a letter. */
export const smsMaxLength = 300;

/**
 * Whether a rendered template is HTML. Handlebars escapes `<` in values, so a tag can only come
 * from the template itself, never from what the applicant typed.
 */
export function isHtml(rendered: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>|<!doctype/i.test(rendered);
}

/**
 * The text of a rendered template: tags out (block ends become line breaks), the entities
 * Handlebars wrote decoded, blank runs trimmed. Plain-text templates keep their lines.
 */
export function plainText(rendered: string): string {
  const text = isHtml(rendered) ? stripTags(rendered) : rendered;
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line, whitespace collapsed, cut at smsMaxLength with an ellipsis. */
export function smsText(rendered: string): string {
  const text = plainText(rendered).replace(/\s+/g, ' ').trim();
  const characters = [...text];
  if (characters.length <= smsMaxLength) return text;
  return `${characters.slice(0, smsMaxLength - 1).join('')}…`;
}

function stripTags(html: string): string {
  return html
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|li|tr|table|ol|ul|section|article)\s*>/gi, '\n')
    .replace(/<\/t[hd]\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
}

const namedEntities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return namedEntities[name.toLowerCase()] ?? entity;
  });
}
