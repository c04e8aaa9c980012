import type { TFunction } from 'i18next';
import type { ListTotal } from '../query/use-cursor-query';

/** 共 N 条 when counted, 约 N 条 when the server could only estimate it (a city-wide list). */
export function listTotalText(total: ListTotal, t: TFunction, locale: string): string {
  const n = total.n.toLocaleString(locale);
  return total.exact ? t('common.totalExact', { n }) : t('common.totalEstimate', { n });
}

/** The list's top is above the screen (the reader scrolled down to 下一页): bring it back into view. */
export function scrollListTopIntoView(listTop: Element | null): void {
  if (listTop && listTop.getBoundingClientRect().top < 0) listTop.scrollIntoView({ block: 'start' });
}
