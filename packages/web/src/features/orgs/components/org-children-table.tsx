import type { OrgUnit } from '@fengqiao/shared';
import { Card, Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/use-language';
import { orgKindLabel } from '../../../lib/labels';

/** The unit's direct children; clicking a row selects it. */
export function OrgChildrenTable({ units, onOpen }: { units: OrgUnit[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Card title={t('orgs.children')} size="small" style={{ marginTop: 16 }}>
      <Table<OrgUnit>
        rowKey="id"
        size="small"
        dataSource={units}
        pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orgs.noChildren')} />,
        }}
        onRow={(unit) => ({ onClick: () => onOpen(unit.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('orgs.name'), dataIndex: 'name' },
          { title: t('orgs.code'), dataIndex: 'code' },
          {
            title: t('orgs.kind'),
            dataIndex: 'kind',
            render: (kind: OrgUnit['kind']) => <Tag>{orgKindLabel(kind, lang)}</Tag>,
          },
          { title: t('orgs.childCount'), dataIndex: 'childCount', align: 'right' },
        ]}
        data-testid="org-children"
      />
    </Card>
  );
}
