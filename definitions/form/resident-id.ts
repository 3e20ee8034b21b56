import type { DomainFormat } from './domain-format';

/**
 * Mainland resident ID number (GB 11643-1999): six digits of region, eight of birth date
 * (YYYYMMDD), three of sequence and a check character. Only an upper-case `X` is accepted as
 * the check character, since that is how the number is printed on the card; the form layer can
 * upper-case input before it is stored.
 */
export type ResidentIdProblem = 'length' | 'charset' | 'region' | 'birth-date' | 'check-digit';

const shape = /^\d{17}[\dX]$/;
const provinceCodes = new Set([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
  71,
  81,
  82,
  83,
  91,
]);
/** Weight of position i (0-based) is 2^(17-i) mod 11. */
const weights = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const earliestBirthYear = 1900;

export function checkResidentId(text: string): ResidentIdProblem | undefined {
  if (text.length !== 18) return 'length';
  if (!shape.test(text)) return 'charset';
  if (!provinceCodes.has(Number(text.slice(0, 2)))) return 'region';
  if (!isBirthDate(text.slice(6, 14))) return 'birth-date';
  if (text[17] !== residentIdCheckChar(text.slice(0, 17))) return 'check-digit';
  return undefined;
}

/** The check character of the first 17 digits: (12 - sum mod 11) mod 11, with 10 written X. */
export function residentIdCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (weights[i] ?? 0);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** A real calendar date from 1900 on; a birth date in the future is left to the application. */
function isBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < earliestBirthYear || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export const residentIdFormat: DomainFormat<ResidentIdProblem> = {
  name: 'resident-id',
  check: checkResidentId,
  messages: {
    length: {
      'zh-CN': '身份证号码应为18位',
      en: 'the resident ID number must be 18 characters long',
    },
    charset: {
      'zh-CN': '身份证号码应为17位数字加1位数字或大写字母X',
      en: 'the resident ID number must be 17 digits followed by a digit or an upper-case X',
    },
    region: {
      'zh-CN': '身份证号码的地区代码不正确',
      en: 'the region code of the resident ID number is not a valid province code',
    },
    'birth-date': {
      'zh-CN': '身份证号码中的出生日期不正确',
      en: 'the birth date in the resident ID number is not a valid date',
    },
    'check-digit': {
      'zh-CN': '身份证号码校验位不正确',
      en: 'the check digit of the resident ID number is wrong',
    },
  },
};
