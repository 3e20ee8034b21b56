import { checkResidentId, residentIdCheckChar } from './resident-id';

/** Builds a number with the right check character, computed independently from the standard. */
function withCheck(body: string): string {
  const sum = [...body].reduce(
    (total, digit, i) => total + Number(digit) * (2 ** (17 - i) % 11),
    0,
  );
  const check = (12 - (sum % 11)) % 11;
  return body + (check === 10 ? 'X' : String(check));
}

/** The same body with every other check character: all of them must fail. */
function wrongChecks(body: string): string[] {
  const right = withCheck(body).slice(-1);
  return [...'0123456789X'].filter((c) => c !== right).map((c) => body + c);
}

describe('checkResidentId', () => {
  test.each([
    ['11010519491231002X', 'the example of GB 11643 (check character X)'],
    ['440305198806123015', 'Shenzhen, 1988'],
    ['110105198509171232', 'Beijing, 1985'],
    [withCheck('44030520000229123'), 'born on a leap day'],
    [withCheck('65010119000101001'), 'born on the first day of 1900'],
    [withCheck('81000019991231001'), 'Hong Kong residence permit region'],
    [withCheck('91000019991231001'), 'region 91'],
  ])('accepts %s (%s)', (id) => {
    expect(checkResidentId(id)).toBeUndefined();
  });

  test.each([
    ['', 'length'],
    ['11010519491231002', 'length'],
    ['11010519491231002X1', 'length'],
    ['11010519491231002x', 'charset'],
    ['1101051949123100XX', 'charset'],
    ['11010519491231002Ａ', 'charset'],
    [' 1010519491231002X', 'charset'],
    [withCheck('10010519491231002'), 'region'],
    [withCheck('16010519491231002'), 'region'],
    [withCheck('72010519491231002'), 'region'],
    [withCheck('99010519491231002'), 'region'],
    ['440524188001010014', 'birth-date'],
    [withCheck('44030519000230123'), 'birth-date'],
    [withCheck('44030519010229123'), 'birth-date'],
    [withCheck('44030520001301123'), 'birth-date'],
    [withCheck('44030520000100123'), 'birth-date'],
    [withCheck('44030520000431123'), 'birth-date'],
    ['11010519491231002Y', 'charset'],
    ['110105194912310021', 'check-digit'],
  ])('rejects %j with %s', (id, problem) => {
    expect(checkResidentId(id)).toBe(problem);
  });

  test.each(['11010519491231002', '44030519880612301', '65010120241231999'])(
    'accepts only the right check character after %s',
    (body) => {
      expect(checkResidentId(withCheck(body))).toBeUndefined();
      for (const wrong of wrongChecks(body)) expect(checkResidentId(wrong)).toBe('check-digit');
    },
  );

  test('residentIdCheckChar agrees with the independent computation', () => {
    for (let n = 0; n < 200; n++) {
      const body = `1101051990${String(101 + n).padStart(4, '0')}${String(n).padStart(3, '0')}`;
      expect(body + residentIdCheckChar(body)).toBe(withCheck(body));
    }
  });
});
