import { parseMarkdown } from './markdown-text';

describe('the Markdown of the content pages', () => {
  it('reads headings, numbered and bulleted lists and paragraphs', () => {
    const source = [
      '## 需要使用 CA 数字证书登录办理的业务',
      '',
      '部分事项涉及企业法定信息，',
      '办理时需使用 CA 数字证书登录。',
      '',
      '### 如何使用',
      '1. 下载证书助手。',
      '2. 选择证书。',
      '- 一',
      '- 二',
    ].join('\n');
    expect(parseMarkdown(source)).toEqual([
      { kind: 'heading', level: 2, text: '需要使用 CA 数字证书登录办理的业务' },
      { kind: 'paragraph', text: '部分事项涉及企业法定信息， 办理时需使用 CA 数字证书登录。' },
      { kind: 'heading', level: 3, text: '如何使用' },
      { kind: 'list', ordered: true, items: ['下载证书助手。', '选择证书。'] },
      { kind: 'list', ordered: false, items: ['一', '二'] },
    ]);
  });

  it('keeps HTML as text and never makes a first-level heading (the page has its own)', () => {
    expect(parseMarkdown('# Title\n<script>alert(1)</script>')).toEqual([
      { kind: 'heading', level: 2, text: 'Title' },
      { kind: 'paragraph', text: '<script>alert(1)</script>' },
    ]);
  });
});
