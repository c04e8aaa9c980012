import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { useLanguage } from '../../../lib/i18n/use-language';
import { tagOptions } from '../labels';

/** Picks the tag whose households the map draws in the accent colour (or none). */
export function TagLayerSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (tag: string | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { can } = useAuth();
  return (
    <Select<string>
      size="small"
      allowClear
      value={value ?? undefined}
      onChange={(tag) => onChange(tag ?? null)}
      placeholder={t('households.tagLayer')}
      options={tagOptions(can('resident.sensitive'), lang)}
      style={{ width: 150 }}
      aria-label={t('households.tagLayer')}
      data-testid="household-tag-layer"
    />
  );
}
