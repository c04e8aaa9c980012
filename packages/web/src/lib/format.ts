import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { i18n } from './i18n';

// dayjs (dates here and in antd's pickers) loads with the screens drawn with antd, not the sign-in
// page; it follows the UI language from then on.
dayjs.extend(utc);
dayjs.extend(timezone);
const followLanguage = (lng: string) => dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
followLanguage(i18n.language);
i18n.on('languageChanged', followLanguage);

/** Times are shown in China Standard Time whatever the browser's zone (DESIGN.md). */
export const DISPLAY_TZ = 'Asia/Shanghai';

export function formatDateTime(value: string | null | undefined, fallback = '—'): string {
  if (!value) return fallback;
  const d = dayjs(value);
  return d.isValid() ? d.tz(DISPLAY_TZ).format('YYYY-MM-DD HH:mm') : fallback;
}

export function formatDateTimeSeconds(value: string | null | undefined, fallback = '—'): string {
  if (!value) return fallback;
  const d = dayjs(value);
  return d.isValid() ? d.tz(DISPLAY_TZ).format('YYYY-MM-DD HH:mm:ss') : fallback;
}

export function isFuture(value: string | null | undefined): boolean {
  return !!value && dayjs(value).isAfter(dayjs());
}

/** Splits a base32 secret into groups of four for reading aloud or typing. */
export function groupInFours(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}
