import type { Locale } from '../i18n/i18n';

/** Times are shown as the office keeps them, whatever the browser's own time zone. */
const officeTimeZone = 'Asia/Shanghai';

/** `2026/3/2 10:00` or `Mar 2, 2026, 10:00 AM`; '' for no time. */
export function formatOfficeDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: officeTimeZone,
  }).format(date);
}

/** The office's calendar day of a moment. */
export function formatOfficeDate(date: Date | null, locale: Locale): string {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: officeTimeZone }).format(
    date,
  );
}
