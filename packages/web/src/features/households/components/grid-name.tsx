import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The grid a household lies in, or a red flag when its location is in none (to be checked). */
export function GridName({ name, outside }: { name: string | null; outside: boolean }) {
  const { t } = useTranslation();
  if (outside || !name)
    return (
      <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="outside-grid-tag">
        {t('households.outsideGrid')}
      </Tag>
    );
  return <span>{name}</span>;
}
