import Handlebars from 'handlebars';
import { isHtml, plainText, smsMaxLength, smsText } from './plain-text';

const render = (source: string, context: object) => Handlebars.compile(source)(context);

describe('plainText and smsText', () => {
  it('gives back what the applicant typed, not the entities Handlebars escaped it into', () => {
    const rendered = render('{{name}} 已提交\n下一步', {
      name: 'A&B <商贸> "有限" \'公司\' `x` =',
    });
    expect(isHtml(rendered)).toBe(false);
    expect(plainText(rendered)).toBe('A&B <商贸> "有限" \'公司\' `x` = 已提交\n下一步');
  });

  it('reads an HTML template as text: no head, tags out, block ends as line breaks', () => {
    const rendered = render(
      '<!doctype html><html><head><title>受理通知书</title><style>p{}</style></head>' +
        '<body><h1>受理通知书</h1><p>{{name}}：</p><table><tr><th>名称</th><td>{{name}}</td></tr></table></body></html>',
      { name: '青禾<科技>' },
    );
    expect(isHtml(rendered)).toBe(true);
    expect(plainText(rendered)).toBe('受理通知书\n青禾<科技>：\n名称 青禾<科技>');
  });

  it('makes an SMS one line, cut with an ellipsis at the limit', () => {
    expect(smsText('【商事登记】  已提交\n\nSubmitted.\n')).toBe('【商事登记】 已提交 Submitted.');
    const long = smsText('字'.repeat(smsMaxLength + 50));
    expect([...long]).toHaveLength(smsMaxLength);
    expect(long.endsWith('…')).toBe(true);
  });
});
