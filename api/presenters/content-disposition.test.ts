import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it.each([
    ['a.pdf', `attachment; filename="a.pdf"; filename*=UTF-8''a.pdf`],
    [
      '公司章程.pdf',
      `attachment; filename="____.pdf"; filename*=UTF-8''%E5%85%AC%E5%8F%B8%E7%AB%A0%E7%A8%8B.pdf`,
    ],
    [
      'say "hi" (1).pdf',
      `attachment; filename="say _hi_ (1).pdf"; filename*=UTF-8''say%20%22hi%22%20%281%29.pdf`,
    ],
    ['', `attachment; filename="file"; filename*=UTF-8''`],
  ])('writes %p with an ASCII stand-in and the UTF-8 name', (name, header) => {
    expect(contentDisposition('attachment', name)).toBe(header);
  });
});
