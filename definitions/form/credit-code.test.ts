import {
  checkCreditCode,
  creditCodeAlphabet,
  creditCodeCheckChar,
  organizationCheckChar,
} from './credit-code';

const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 11714: letters count from A = 10; the check is 11 - sum mod 11, 10 is X, 11 is 0. */
function withOrganizationCheck(body: string): string {
  const organizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = [...body].reduce((t, c, i) => t + value(c) * (organizationWeights[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** GB 32100: 31 - sum mod 31 over the 31-character alphabet, 31 becomes 0. */
function withCheck(body: string): string {
  const sum = [...body].reduce(
    (t, c, i) => t + creditCodeAlphabet.indexOf(c) * (weights[i] ?? 0),
    0,
  );
  return body + creditCodeAlphabet.charAt((31 - (sum % 31)) % 31);
}

/** A full code from authority + type, region and organization body. */
function code(head: string, region: string, organizationBody: string): string {
  return withCheck(head + region + withOrganizationCheck(organizationBody));
}

describe('checkCreditCode', () => {
  test.each([
    ['91350100M000100Y43', 'the example of GB 32100'],
    ['91440300MA5H7K3Q68', 'the sample application'],
    ['91110108551385082Q', 'a Beijing company'],
    ['91440300708461136T', 'a Shenzhen company'],
    [code('91', '440300', 'MA5G0000'), 'generated'],
    [code('12', '100000', '40000011'), 'a public institution'],
    [code('Y1', '310115', '00000099'), 'another authority'],
  ])('accepts %s (%s)', (text) => {
    expect(checkCreditCode(text)).toBeUndefined();
  });

  test.each([
    ['', 'length'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M000100I43', 'charset'],
    ['91350100M000100O43', 'charset'],
    ['91350100M000100S43', 'charset'],
    ['91350100M000100V43', 'charset'],
    ['91350100M000100Z43', 'charset'],
    ['91350100m000100y43', 'charset'],
    [withCheck('91A50100' + withOrganizationCheck('M000100Y')), 'region'],
    ['91350100M000100Y53', 'organization-code'],
    [withCheck('91350100M000100Y5'), 'organization-code'],
    ['91350100M000100Y44', 'check-digit'],
    ['91350100M000100Y40', 'check-digit'],
  ])('rejects %j with %s', (text, problem) => {
    expect(checkCreditCode(text)).toBe(problem);
  });

  test('accepts only the right check character', () => {
    const body = '91440300' + withOrganizationCheck('MA5H7K3Q');
    for (const c of creditCodeAlphabet) {
      const expected = body + c === withCheck(body) ? undefined : 'check-digit';
      expect(checkCreditCode(body + c)).toBe(expected);
    }
  });

  test('a check value of 31 is written 0 and an organization check of 10 is X', () => {
    const zero = Array.from({ length: 400 }, (_, n) =>
      code('91', '440300', `MA${String(n).padStart(6, '0')}`),
    ).filter((text) => text.endsWith('0'));
    expect(zero.length).toBeGreaterThan(0);
    for (const text of zero) expect(checkCreditCode(text)).toBeUndefined();
    expect(organizationCheckChar('00000010')).toBe(withOrganizationCheck('00000010').slice(-1));
    const bodies = Array.from({ length: 200 }, (_, n) => String(n).padStart(8, '0'));
    const withX = bodies.filter((body) => withOrganizationCheck(body).endsWith('X'));
    expect(withX.length).toBeGreaterThan(0);
    for (const body of withX) expect(organizationCheckChar(body)).toBe('X');
  });

  test('creditCodeCheckChar agrees with the independent computation', () => {
    for (let n = 0; n < 200; n++) {
      const body = `9144030${n % 10}MA5${String(n).padStart(5, '0')}X`;
      expect(body + creditCodeCheckChar(body)).toBe(withCheck(body));
    }
  });
});
