import { checkMobile } from './mobile';

describe('checkMobile', () => {
  test.each(['13012345678', '13912345678', '15820231234', '16600000000', '19912345678'])(
    'accepts %s',
    (text) => expect(checkMobile(text)).toBeUndefined(),
  );

  test.each([
    ['', 'charset'],
    ['+8613912345678', 'charset'],
    ['139 1234 5678', 'charset'],
    ['139-1234-5678', 'charset'],
    ['1391234567', 'length'],
    ['139123456789', 'length'],
    ['12012345678', 'prefix'],
    ['10012345678', 'prefix'],
    ['23912345678', 'prefix'],
  ])('rejects %j with %s', (text, problem) => {
    expect(checkMobile(text)).toBe(problem);
  });
});
