/**
 * The string formats of the definition language that the browser checks before the server does:
 * resident ID numbers (GB 11643, with the check digit), unified social credit codes (GB 32100,
 * with both check characters), mainland mobile numbers and postal codes. The algorithms are the
 * engine's (`definitions/form/`), written again here because the renderer imports nothing of
 * the engine; a jest test holds the two to the same answers.
 */
export type FormatProblem =
  'length' | 'charset' | 'prefix' | 'region' | 'birth-date' | 'organization-code' | 'check-digit';

export type FormatCheck = (text: string) => FormatProblem | undefined;

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
/** Weight of position i (0-based) of a resident ID is 2^(17-i) mod 11. */
const residentIdWeights = Array.from({ length: 17 }, (_, i) => 2 ** (17 - i) % 11);
const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const organizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];
const digits = /^\d+$/;

/** Mainland resident ID number: region, birth date, sequence and check character. */
export function checkResidentId(text: string): FormatProblem | undefined {
  if (text.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(text)) return 'charset';
  if (!provinceCodes.has(Number(text.slice(0, 2)))) return 'region';
  if (!isBirthDate(text.slice(6, 14))) return 'birth-date';
  if (text[17] !== residentIdCheckChar(text.slice(0, 17))) return 'check-digit';
  return undefined;
}

/** Unified social credit code: 18 characters of a 31-letter alphabet, two check characters. */
export function checkCreditCode(text: string): FormatProblem | undefined {
  if (text.length !== 18) return 'length';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(text)) return 'charset';
  if (!/^\d{6}$/.test(text.slice(2, 8))) return 'region';
  if (text[16] !== organizationCheckChar(text.slice(8, 16))) return 'organization-code';
  if (text[17] !== creditCodeCheckChar(text.slice(0, 17))) return 'check-digit';
  return undefined;
}

/** Mainland mobile number: 11 digits, `1` then 3 to 9. */
export function checkMobile(text: string): FormatProblem | undefined {
  if (!digits.test(text)) return 'charset';
  if (text.length !== 11) return 'length';
  return /^1[3-9]\d{9}$/.test(text) ? undefined : 'prefix';
}

/** Mainland postal code: six digits, the first a postal zone from 0 to 8. */
export function checkPostalCode(text: string): FormatProblem | undefined {
  if (!digits.test(text)) return 'charset';
  if (text.length !== 6) return 'length';
  return text[0] === '9' ? 'region' : undefined;
}

/** The checks by the format name a form schema uses. */
export const domainFormatChecks: Readonly<Record<string, FormatCheck>> = {
  'resident-id': checkResidentId,
  'credit-code': checkCreditCode,
  mobile: checkMobile,
  'postal-code': checkPostalCode,
};

/** The formats as rjsf's `customizeValidator` takes them: true when the text is valid. */
export function customFormats(): Record<string, (text: string) => boolean> {
  return Object.fromEntries(
    Object.entries(domainFormatChecks).map(([name, check]) => [name, (text) => !check(text)]),
  );
}

function residentIdCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (residentIdWeights[i] ?? 0);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function creditCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += creditCodeAlphabet.indexOf(body[i] ?? '') * (creditCodeWeights[i] ?? 0);
  }
  return creditCodeAlphabet[(31 - (sum % 31)) % 31] ?? '';
}

/** GB 11714: digits count as themselves, letters from A = 10; 10 is written X and 11 is 0. */
function organizationCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const code = (body[i] ?? '0').charCodeAt(0);
    sum += (code <= 57 ? code - 48 : code - 55) * (organizationWeights[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

/** A real calendar date from 1900 on. */
function isBirthDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === 2) return leap ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
