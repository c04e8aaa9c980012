import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../lib/i18n';
import { useLanguage } from '../lib/i18n/use-language';

const OPTIONS: { label: string; value: Language }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'English', value: 'en' },
];

/** 中文 / English; the choice is remembered in localStorage. */
export function LanguageSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Segmented<Language>
      size={size}
      options={OPTIONS}
      value={lang}
      onChange={(value) => void setLanguage(value)}
      aria-label={t('header.language')}
      data-testid="lang-switch"
    />
  );
}
