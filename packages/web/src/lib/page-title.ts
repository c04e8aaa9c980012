import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser tab's text: the page first, so tabs of the app tell apart (`住户档案 · 枫桥`). */
export function pageTitle(page: string, app: string): string {
  return page ? `${page} · ${app}` : app;
}

/** Names the browser tab after the page, in the UI language (it follows a language switch). */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const app = t('app.shortName');
  useEffect(() => {
    document.title = pageTitle(page, app);
  }, [page, app]);
}
