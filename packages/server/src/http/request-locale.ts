import type { MessageLocale } from '@fengqiao/shared/messages';

/**
 * The language of a request's error texts, from its Accept-Language: English when the most preferred
 * language we speak is English (`en`, `en-US`, `en;q=0.9`), else Chinese, the default.
 */
export function localeOfAcceptLanguage(header: string | string[] | undefined): MessageLocale {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'zh-CN';
  let best: { locale: MessageLocale; q: number } | undefined;
  for (const part of value.split(',')) {
    const [tag = '', ...attributes] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    const locale = primary === 'en' ? 'en' : primary === 'zh' ? 'zh-CN' : undefined;
    if (!locale) continue;
    const qAttribute = attributes.map((a) => a.trim()).find((a) => a.startsWith('q='));
    const q = qAttribute ? Number(qAttribute.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { locale, q };
  }
  return best?.locale ?? 'zh-CN';
}
