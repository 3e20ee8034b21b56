import type { DomainFormat } from './domain-format';

/**
 * Mainland postal code: six digits. The first digit is a postal zone from 0 to 8: zone 0 is in
 * use (Inner Mongolia 01–02, Shanxi 03–04, e.g. Hohhot 010000, Taiyuan 030000); 9 is not
 * assigned on the mainland.
 */
export type PostalCodeProblem = 'length' | 'charset' | 'region';

const digits = /^\d+$/;

export function checkPostalCode(text: string): PostalCodeProblem | undefined {
  if (!digits.test(text)) return 'charset';
  if (text.length !== 6) return 'length';
  return text[0] === '9' ? 'region' : undefined;
}

export const postalCodeFormat: DomainFormat<PostalCodeProblem> = {
  name: 'postal-code',
  check: checkPostalCode,
  messages: {
    charset: {
      'zh-CN': '邮政编码只能包含数字',
      en: 'the postal code may only contain digits',
    },
    length: {
      'zh-CN': '邮政编码应为6位数字',
      en: 'the postal code must be 6 digits long',
    },
    region: {
      'zh-CN': '邮政编码应以0至8开头',
      en: 'the postal code must start with a digit from 0 to 8',
    },
  },
};
