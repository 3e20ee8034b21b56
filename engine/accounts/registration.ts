import { compileForm } from '../../definitions/form/form-validator';
import type { Database } from '../database/database';
import type { ErrorDetail } from '../engine-error';
import { type Account, createAccount } from './account';
import { passwordPolicyIssues } from './password-policy';

export type ApplicantKind = 'individual' | 'enterprise';

/** A registration as the portal's form sends it, once checked by registrationIssues. */
export interface Registration {
  kind: ApplicantKind;
  username: string;
  password: string;
  phone: string;
  email: string;
  profile: Record<string, string>;
}

/** 4–32 characters of letters, digits, `_`, `-` and `.`, starting with a letter. */
export const usernamePattern = '^[A-Za-z][A-Za-z0-9_.-]{3,31}$';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength, pattern: '\\S' });
const formatted = (format: string) => ({ type: 'string', format });

/** The recovery channels: a mainland mobile number and an e-mail address. */
export const contactProperties = {
  phone: formatted('mobile'),
  email: { type: 'string', format: 'email', maxLength: 254 },
};

const profileSchemas: Record<ApplicantKind, object> = {
  individual: {
    type: 'object',
    required: ['realName', 'idNumber'],
    additionalProperties: false,
    properties: {
      realName: text(50),
      idNumber: formatted('resident-id'),
      address: text(200),
      postalCode: formatted('postal-code'),
    },
  },
  enterprise: {
    type: 'object',
    required: ['enterpriseName', 'creditCode', 'legalRepresentative', 'contactName'],
    additionalProperties: false,
    properties: {
      enterpriseName: text(100),
      creditCode: formatted('credit-code'),
      legalRepresentative: text(50),
      contactName: text(50),
      contactPhone: formatted('mobile'),
      address: text(200),
      postalCode: formatted('postal-code'),
    },
  },
};

/**
 * The registration form of each kind (and of an unknown kind, whose profile cannot be checked
 * until the kind is right). `captchaId` and `captchaAnswer` are the API's to check.
 */
function registrationSchema(profile: object): Record<string, unknown> {
  return {
    type: 'object',
    required: ['kind', 'username', 'password', 'phone', 'email', 'profile'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', enum: ['individual', 'enterprise'] },
      username: { type: 'string', pattern: usernamePattern },
      password: { type: 'string', maxLength: 256 },
      ...contactProperties,
      profile,
      captchaId: { type: 'string', maxLength: 100 },
      captchaAnswer: { type: 'string', maxLength: 100 },
    },
  };
}

const forms = {
  individual: compileForm(registrationSchema(profileSchemas.individual), []),
  enterprise: compileForm(registrationSchema(profileSchemas.enterprise), []),
  unknown: compileForm(registrationSchema({ type: 'object' }), []),
};

/**
 * Every problem of a registration at once: the form (required fields, username rules, resident
 * ID and credit code check digits, mobile and e-mail formats) and the password policy, each with
 * its pointer and its message in zh-CN and en. [] when the registration may be stored.
 */
export function registrationIssues(body: unknown): ErrorDetail[] {
  const fields = isRecord(body) ? body : {};
  const form =
    fields.kind === 'individual' || fields.kind === 'enterprise' ? fields.kind : 'unknown';
  const issues: ErrorDetail[] = forms[form].validate(body).map((issue) => ({
    pointer: issue.pointer,
    code: issue.code,
    message: issue.message.en,
    messages: issue.message,
  }));
  if (typeof fields.password === 'string') {
    const username = typeof fields.username === 'string' ? fields.username : '';
    issues.push(...passwordPolicyIssues(fields.password, username, '/password'));
  }
  return issues;
}

/**
 * Stores a checked registration as an applicant account; its display name is the person's real
 * name or the enterprise's name. A taken username (in any case) is the conflict `username_taken`.
 */
export function registerAccount(database: Database, registration: Registration): Promise<Account> {
  const { kind, username, password, phone, email, profile } = registration;
  const displayName = kind === 'individual' ? profile.realName : profile.enterpriseName;
  return createAccount(database, {
    username,
    password,
    kind,
    displayName: displayName ?? username,
    phone,
    email,
    profile,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
