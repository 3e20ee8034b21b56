import { requestLocale } from './request-locale';

describe('requestLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['en;q=0.5,zh-TW;q=0.8', 'zh-CN'],
    ['fr-FR,en;q=0.4', 'en'],
    ['de', 'zh-CN'],
    ['en;q=0', 'zh-CN'],
    ['en;q=abc,fr', 'zh-CN'],
  ])('reads %p as %s', (header, locale) => {
    expect(requestLocale(header)).toBe(locale);
  });
});
