import { useMemo } from 'react';
import type { MessageKey, Translate } from '../i18n/i18n';
import type { AnswerWords } from './answer-rows';
import type { ValidationWords } from './answer-validation';
import type { FormatProblem } from './domain-formats';

/** The catalogue keys of what is wrong with a number of each domain format. */
const formatKeys: Record<string, Partial<Record<FormatProblem, MessageKey>>> = {
  'resident-id': {
    length: 'form.format.residentId.length',
    charset: 'form.format.residentId.charset',
    region: 'form.format.residentId.region',
    'birth-date': 'form.format.residentId.birthDate',
    'check-digit': 'form.format.residentId.checkDigit',
  },
  'credit-code': {
    length: 'form.format.creditCode.length',
    charset: 'form.format.creditCode.charset',
    region: 'form.format.creditCode.region',
    'organization-code': 'form.format.creditCode.organizationCode',
    'check-digit': 'form.format.creditCode.checkDigit',
  },
  mobile: {
    length: 'form.format.mobile.length',
    charset: 'form.format.mobile.charset',
    prefix: 'form.format.mobile.prefix',
  },
  'postal-code': {
    length: 'form.format.postalCode.length',
    charset: 'form.format.postalCode.charset',
    region: 'form.format.postalCode.region',
  },
};

export function validationWords(t: Translate): ValidationWords {
  return {
    required: (field) => t('form.error.required', { field }),
    accept: (field) => t('form.error.accept', { field }),
    choose: (field) => t('form.error.choose', { field }),
    format: (format, problem) => {
      const key = formatKeys[format]?.[problem];
      return key ? t(key) : undefined;
    },
  };
}

export function answerWords(t: Translate): AnswerWords {
  return {
    yes: t('form.answers.yes'),
    no: t('form.answers.no'),
    empty: t('form.answers.empty'),
    separator: t('form.answers.separator'),
  };
}

/** Both sets of words of the page's language, rebuilt only when the language changes. */
export function usePageWords(t: Translate) {
  return useMemo(() => ({ validation: validationWords(t), answers: answerWords(t) }), [t]);
}
