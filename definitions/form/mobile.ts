import type { DomainFormat } from './domain-format';

/** Mainland mobile number: 11 digits, `1` then 3 to 9; no country code, spaces or dashes. */
export type MobileProblem = 'length' | 'charset' | 'prefix';

const digits = /^\d+$/;
const shape = /^1[3-9]\d{9}$/;

export function checkMobile(text: string): MobileProblem | undefined {
  if (!digits.test(text)) return 'charset';
  if (text.length !== 11) return 'length';
  return shape.test(text) ? undefined : 'prefix';
}

export const mobileFormat: DomainFormat<MobileProblem> = {
  name: 'mobile',
  check: checkMobile,
  messages: {
    charset: {
      'zh-CN': '手机号码只能包含数字',
      en: 'the mobile number may only contain digits',
    },
    length: {
      'zh-CN': '手机号码应为11位数字',
      en: 'the mobile number must be 11 digits long',
    },
    prefix: {
      'zh-CN': '手机号码应以13至19开头',
      en: 'the mobile number must start with 13 to 19',
    },
  },
};
