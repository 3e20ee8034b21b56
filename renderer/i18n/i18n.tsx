import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import { setApiLanguage } from '../api/api-client';
import { en } from './messages-en';
import { zhCN } from './messages-zh-cn';

export type Locale = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zhCN;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Every key of the Chinese catalogue must exist in English: the type checker enforces it. */
const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
const storageKey = 'matterflow.locale';

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

/** zh-CN unless the person chose English before (kept in localStorage). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  setApiLanguage(locale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setApiLanguage(next);
    setLocaleState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, params) => format(catalogues[locale][key], params),
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider above it');
  return i18n;
}

/** The title of a definition's `{"zh-CN": ..., "en": ...}` text in the current language. */
export function localized(text: unknown, locale: Locale): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') {
    const record = text as Record<string, unknown>;
    return String(record[locale] ?? record['zh-CN'] ?? record.en ?? '');
  }
  return '';
}

function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  const locale: Locale = stored === 'en' ? 'en' : 'zh-CN';
  document.documentElement.lang = locale;
  return locale;
}

function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
