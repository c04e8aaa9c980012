import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../lib/i18n';
import { useLanguage } from '../lib/i18n/use-language';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** 中文 / English in the header, drawn like antd's small Segmented; remembered in localStorage. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <fieldset className="fq-segmented" aria-label={t('header.language')} data-testid="lang-switch">
      {LANGUAGES.map((value) => (
        <button
          key={value}
          type="button"
          lang={value}
          aria-pressed={value === lang}
          onClick={() => void setLanguage(value)}
        >
          {LABELS[value]}
        </button>
      ))}
    </fieldset>
  );
}
