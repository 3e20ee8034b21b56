import { checkPostalCode } from './postal-code';

describe('checkPostalCode', () => {
  test.each(['100000', '518057', '010000', '030000', '200120', '830000', '850000'])(
    'accepts %s',
    (text) => expect(checkPostalCode(text)).toBeUndefined(),
  );

  test.each([
    ['', 'charset'],
    ['51805A', 'charset'],
    ['518 057', 'charset'],
    ['51805', 'length'],
    ['5180570', 'length'],
    ['900000', 'region'],
    ['999077', 'region'],
  ])('rejects %j with %s', (text, problem) => {
    expect(checkPostalCode(text)).toBe(problem);
  });
});
