import type { HouseholdSummary } from '@fengqiao/shared';
import { Empty, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TapCardList } from '../../../lib/components/tap-card-list';
import { formatDateTime } from '../../../lib/format';
import { GridName } from './grid-name';
import { ResidentTags } from './resident-tags';

/** One page of households (masked addresses); a row opens its file. */
export function HouseholdTable({ items, loading }: { items: HouseholdSummary[]; loading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  if (compact)
    return (
      <TapCardList
        items={items}
        loading={loading}
        empty={t('households.empty')}
        testId="households-table"
        itemTestId="household-row"
        onOpen={(h) => navigate(`/households/${h.id}`)}
        render={(h) => (
          <>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>{h.addressMasked}</Typography.Text>
              <GridName name={h.gridName} outside={h.outsideGrid} />
            </Flex>
            <Typography.Text type="secondary">
              {t('households.headName')}：{h.headName ?? '—'} ·{' '}
              {t('households.memberCountValue', { n: h.residentCount })}
            </Typography.Text>
            {h.tags.length ? (
              <div style={{ marginTop: 4 }}>
                <ResidentTags tags={h.tags} />
              </div>
            ) : null}
          </>
        )}
      />
    );
  const columns: ColumnsType<HouseholdSummary> = [
    { title: t('households.address'), dataIndex: 'addressMasked', fixed: 'left' },
    {
      title: t('households.grid'),
      dataIndex: 'gridName',
      render: (_v, h) => <GridName name={h.gridName} outside={h.outsideGrid} />,
    },
    { title: t('households.headName'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
    { title: t('households.residentCount'), dataIndex: 'residentCount', align: 'right' },
    {
      title: t('households.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => <ResidentTags tags={tags} />,
    },
    {
      title: t('households.updatedAt'),
      dataIndex: 'updatedAt',
      render: (at: string) => formatDateTime(at),
    },
  ];
  return (
    <Table<HouseholdSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(h) => ({
        onClick: () => navigate(`/households/${h.id}`),
        style: { cursor: 'pointer' },
        'data-testid': 'household-row',
      })}
      locale={{ emptyText: <Empty description={t('households.empty')} /> }}
      data-testid="households-table"
    />
  );
}
