import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, setLanguage } from '../../../lib/i18n';
import { useLanguage } from '../../../lib/i18n/use-language';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** 中文 / English on the sign-in screens, without antd (the header's LanguageSwitch is antd's). */
export function LanguageToggle() {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <fieldset className="fq-auth-lang" aria-label={t('header.language')} data-testid="lang-switch">
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
