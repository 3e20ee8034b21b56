import type { ErrorDetail } from '../engine-error';

export const passwordLength = { min: 8, max: 64 };

const characterClasses = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

interface PolicyRule {
  code: string;
  broken(password: string, username: string): boolean;
  messages: { 'zh-CN': string; en: string };
}

const rules: PolicyRule[] = [
  {
    code: 'password_length',
    broken: (password) =>
      [...password].length < passwordLength.min || [...password].length > passwordLength.max,
    messages: {
      'zh-CN': `密码长度须为 ${passwordLength.min} 至 ${passwordLength.max} 个字符`,
      en: `the password must have ${passwordLength.min} to ${passwordLength.max} characters`,
    },
  },
  {
    code: 'password_too_simple',
    broken: (password) => characterClasses.filter((c) => c.test(password)).length < 3,
    messages: {
      'zh-CN': '密码须包含小写字母、大写字母、数字、符号中的至少三类',
      en: 'the password needs at least three of: lower-case, upper-case, digit, symbol',
    },
  },
  {
    code: 'password_contains_username',
    broken: (password, username) =>
      username.length > 0 && password.toLowerCase().includes(username.toLowerCase()),
    messages: { 'zh-CN': '密码不能包含用户名', en: 'the password must not contain the username' },
  },
];

/**
 * Every way a password breaks the policy (8–64 characters, three of four character classes,
 * not containing the username), as details at `pointer`; [] when it complies.
 */
export function passwordPolicyIssues(
  password: string,
  username: string,
  pointer: string,
): ErrorDetail[] {
  return rules
    .filter((rule) => rule.broken(password, username))
    .map((rule) => ({
      pointer,
      code: rule.code,
      message: rule.messages.en,
      messages: rule.messages,
    }));
}
