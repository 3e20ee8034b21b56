import type { ReactNode } from 'react';

/** A block of the small Markdown the content pages are written in. */
export type MarkdownBlock =
  | { kind: 'heading'; level: 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] };

/**
 * Parses the Markdown an administrator writes for the content pages: `##`–`####` headings,
 * numbered and bulleted lists, paragraphs separated by blank lines. Anything else is text, and
 * nothing is ever HTML: the page shows the words, it never runs them.
 */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const item = /^(\d+[.)]|[-*])\s+(.*)$/.exec(line);
    if (!line) endParagraph();
    else if (heading) {
      endParagraph();
      const level = Math.min(4, Math.max(2, heading[1]!.length)) as 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, text: heading[2]! });
    } else if (item) {
      endParagraph();
      addListItem(blocks, /^\d/.test(item[1]!), item[2]!);
    } else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

function addListItem(blocks: MarkdownBlock[], ordered: boolean, text: string): void {
  const last = blocks[blocks.length - 1];
  if (last?.kind === 'list' && last.ordered === ordered) last.items.push(text);
  else blocks.push({ kind: 'list', ordered, items: [text] });
}

/** The blocks as React elements, with `**bold**` inside them. */
export function MarkdownText({ source }: { source: string }) {
  return (
    <div className="markdown-text">
      {parseMarkdown(source).map((block, index) => renderBlock(block, index))}
    </div>
  );
}

function renderBlock(block: MarkdownBlock, key: number): ReactNode {
  if (block.kind === 'heading') {
    const Heading = `h${block.level}` as const;
    return <Heading key={key}>{inline(block.text)}</Heading>;
  }
  if (block.kind === 'paragraph') return <p key={key}>{inline(block.text)}</p>;
  const List = block.ordered ? 'ol' : 'ul';
  return (
    <List key={key}>
      {block.items.map((item, index) => (
        <li key={index}>{inline(item)}</li>
      ))}
    </List>
  );
}

function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .map((part, index) =>
      part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
        <strong key={index}>{part.slice(2, -2)}</strong>
      ) : (
        part
      ),
    );
}
