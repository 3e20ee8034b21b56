import type { Locale } from '../../definitions/matter-definition';

/**
 * The language of single-string messages: English when the client prefers some `en` over any
 * `zh`, otherwise zh-CN (the portal's language). Labels stay bilingual objects whatever this says.
 */
export function requestLocale(acceptLanguage: string | undefined): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => rankTag(part, index))
    .filter((tag) => tag.quality > 0 && /^(en|zh)\b/.test(tag.name))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.name.startsWith('en') ? 'en' : 'zh-CN';
}

function rankTag(part: string, index: number) {
  const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
  const q = parameters.find((p) => /^\s*q=/.test(p));
  const quality = q === undefined ? 1 : Number(q.split('=')[1]);
  return { name: name.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
}
