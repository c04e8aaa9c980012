import type { OrgUnit } from '@fengqiao/shared';
import { Card, Descriptions, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { orgKindLabel } from '../../../lib/labels';

/** The unit's attributes. */
export function OrgDetail({
  unit,
  parentName,
  extra,
}: {
  unit: OrgUnit;
  parentName: string | null;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const canHaveBoundary = unit.kind === 'grid' || unit.kind === 'community';
  return (
    <Card title={unit.name} extra={extra} data-testid="org-detail">
      <Descriptions column={1} size="small" styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('orgs.kind')}>
          <Tag color="blue">{orgKindLabel(unit.kind, lang)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('orgs.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.name')}>{unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.parent')}>{parentName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('orgs.childCount')}>{unit.childCount}</Descriptions.Item>
        {canHaveBoundary ? (
          <Descriptions.Item label={t('orgs.boundary')}>
            {unit.boundary ? t('orgs.hasBoundary') : t('common.notSet')}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('orgs.updatedAt')}>{formatDateTime(unit.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
