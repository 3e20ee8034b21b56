import type { DomainFormat } from './domain-format';

/**
 * Unified social credit code (GB 32100-2015): registration authority, entity type, six digits
 * of region, the nine-character organization code (GB 11714) and a check character, all from a
 * 31-character alphabet without I, O, S, V and Z. Both check characters are verified: the
 * standard embeds the organization code with its own check character.
 */
export type CreditCodeProblem =
  'length' | 'charset' | 'region' | 'organization-code' | 'check-digit';

export const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const shape = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const regionShape = /^\d{6}$/;
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const organizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

export function checkCreditCode(text: string): CreditCodeProblem | undefined {
  if (text.length !== 18) return 'length';
  if (!shape.test(text)) return 'charset';
  if (!regionShape.test(text.slice(2, 8))) return 'region';
  if (text[16] !== organizationCheckChar(text.slice(8, 16))) return 'organization-code';
  if (text[17] !== creditCodeCheckChar(text.slice(0, 17))) return 'check-digit';
  return undefined;
}

/** The 18th character: 31 - (weighted sum mod 31), where 31 becomes 0. */
export function creditCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += creditCodeAlphabet.indexOf(body[i] ?? '') * (weights[i] ?? 0);
  }
  return creditCodeAlphabet[(31 - (sum % 31)) % 31] ?? '';
}

/**
 * The GB 11714 check character of an 8-character organization code body: digits count as
 * themselves and letters from A = 10; 11 - (weighted sum mod 11), where 10 is X and 11 is 0.
 */
export function organizationCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += characterValue(body[i] ?? '') * (organizationWeights[i] ?? 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

/** '0'–'9' count as 0–9 and 'A'–'Z' as 10–35. */
function characterValue(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

export const creditCodeFormat: DomainFormat<CreditCodeProblem> = {
  name: 'credit-code',
  check: checkCreditCode,
  messages: {
    length: {
      'zh-CN': '统一社会信用代码应为18位',
      en: 'the unified social credit code must be 18 characters long',
    },
    charset: {
      'zh-CN': '统一社会信用代码只能包含数字和大写字母（不含I、O、S、V、Z）',
      en: 'the unified social credit code may only contain digits and upper-case letters other than I, O, S, V and Z',
    },
    region: {
      'zh-CN': '统一社会信用代码的第3至8位应为行政区划代码（6位数字）',
      en: 'characters 3 to 8 of the unified social credit code must be a six-digit region code',
    },
    'organization-code': {
      'zh-CN': '统一社会信用代码中的组织机构代码校验位不正确',
      en: 'the check character of the organization code inside the unified social credit code is wrong',
    },
    'check-digit': {
      'zh-CN': '统一社会信用代码校验位不正确',
      en: 'the check character of the unified social credit code is wrong',
    },
  },
};
