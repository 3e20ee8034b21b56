import type { ValidatorType } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import type { Locale } from '../i18n/i18n';
import { customFormats } from './domain-formats';

export type FormValidator = ValidatorType<unknown, Record<string, unknown>>;

const validators = new Map<Locale, FormValidator>();

/**
 * The rjsf validator of a language: Ajv with the definition language's domain formats, and in
 * Chinese Ajv's messages translated by ajv-i18n. One a language, kept for the page's life, so
 * each schema is compiled once.
 */
export function formValidator(locale: Locale): FormValidator {
  let validator = validators.get(locale);
  if (!validator) {
    const localizer = locale === 'zh-CN' ? localizeZh : undefined;
    validator = customizeValidator({ customFormats: customFormats() }, localizer) as FormValidator;
    validators.set(locale, validator);
  }
  return validator;
}
