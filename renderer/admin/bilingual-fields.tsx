import { useI18n } from '../i18n/i18n';
import type { BilingualText } from './content-shapes';

/**
 * One text asked in both languages: a Chinese and an English input (or text area), each with
 * its own label naming what it is, its error tied to it.
 */
export function BilingualFields(props: {
  id: string;
  label: string;
  value: BilingualText;
  onChange(value: BilingualText): void;
  multiline?: boolean;
  rows?: number;
  errors?: Partial<Record<keyof BilingualText, string>>;
  maxLength?: number;
  /** Starred and aria-required unless false. */
  required?: boolean;
}) {
  const { t } = useI18n();
  const required = props.required !== false;
  const languages: { key: keyof BilingualText; suffix: string; name: string; lang: string }[] = [
    { key: 'zh-CN', suffix: 'zh', name: t('admin.field.chinese'), lang: 'zh-CN' },
    { key: 'en', suffix: 'en', name: t('admin.field.english'), lang: 'en' },
  ];
  return (
    <div className="bilingual-fields">
      {languages.map(({ key, suffix, name, lang }) => {
        const id = `${props.id}-${suffix}`;
        const error = props.errors?.[key];
        const common = {
          id,
          lang,
          value: props.value[key],
          maxLength: props.maxLength,
          'aria-required': required || undefined,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        };
        const change = (text: string) => props.onChange({ ...props.value, [key]: text });
        return (
          <div key={key} className={error ? 'field field-invalid' : 'field'}>
            <label htmlFor={id}>
              {t('admin.field.inLanguage', { field: props.label, language: name })}
              {required && (
                <span className="required-mark" aria-hidden="true">
                  *
                </span>
              )}
            </label>
            {error && (
              <span className="field-error" id={`${id}-error`}>
                {error}
              </span>
            )}
            {props.multiline ? (
              <textarea
                {...common}
                rows={props.rows ?? 4}
                onChange={(e) => change(e.target.value)}
              />
            ) : (
              <input type="text" {...common} onChange={(e) => change(e.target.value)} />
            )}
          </div>
        );
      })}
    </div>
  );
}
