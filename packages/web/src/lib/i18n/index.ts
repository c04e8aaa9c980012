import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY as STORAGE_KEY } from './language-key';
import { type Messages, zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage may be unavailable (private mode); fall back to Chinese
  }
  return 'zh-CN';
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
}

void i18n.use(initReactI18next).init({
  // English is fetched only by those who use it (setLanguage): the entry carries one catalog.
  resources: { 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
applyLanguage(i18n.language);

i18n.on('languageChanged', (lng) => {
  applyLanguage(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore storage errors
  }
});

/** Switches the UI language, fetching its catalog first the first time it is used. */
export async function setLanguage(lng: Language): Promise<void> {
  if (!i18n.hasResourceBundle(lng, 'translation')) {
    const { en } = await import('./en');
    i18n.addResourceBundle(lng, 'translation', en);
  }
  await i18n.changeLanguage(lng);
}

/** Resolves once the remembered language's catalog is in: the app renders after it (main.tsx). */
const initial = initialLanguage();
export const i18nReady: Promise<void> = initial === 'zh-CN' ? Promise.resolve() : setLanguage(initial);

/** The current UI language, normalised to one of LANGUAGES. */
export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export { i18n };
