import type { HouseholdSort, HouseholdSummary } from '@fengqiao/shared';
import { HOUSEHOLD_SORTS } from '@fengqiao/shared/rules';
import { Empty, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TapCardList } from '../../../lib/components/tap-card-list';
import { formatDateTime } from '../../../lib/format';
import { columnSortOrder, type ListSort, listSortOf } from '../../../lib/table-sort';
import { shownAddress } from '../shown-address';
import { GridName } from './grid-name';
import { ResidentTags } from './resident-tags';

/** One page of households (masked addresses); a row opens its file. */
export function HouseholdTable({
  items,
  loading,
  sort,
  onSort,
}: {
  items: HouseholdSummary[];
  loading: boolean;
  /** The server's sort of the list; a click on a sortable header asks for another. */
  sort: ListSort<HouseholdSort>;
  onSort: (sort: ListSort<HouseholdSort>) => void;
}) {
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
              <Typography.Text strong>{shownAddress(h)}</Typography.Text>
              <GridName name={h.gridName} outside={h.outsideGrid} />
            </Flex>
            <Typography.Text type="secondary">
              {t('households.headName')}
              {t('common.colon')}
              {h.headName ?? '—'} · {t('households.memberCountValue', { n: h.residentCount })}
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
  // Sorted by the server (the whole list, not the page shown): antd only draws the headers.
  const sortable = (key: HouseholdSort) => ({
    sorter: true,
    sortOrder: columnSortOrder(sort, key),
    sortDirections: ['ascend', 'descend'] as ('ascend' | 'descend')[],
  });
  const columns: ColumnsType<HouseholdSummary> = [
    { title: t('households.address'), key: 'address', render: (_v, h) => shownAddress(h), fixed: 'left' },
    {
      title: t('households.grid'),
      dataIndex: 'gridName',
      key: 'gridName',
      ...sortable('gridName'),
      render: (_v, h) => <GridName name={h.gridName} outside={h.outsideGrid} />,
    },
    {
      title: t('households.headName'),
      dataIndex: 'headName',
      key: 'headName',
      ...sortable('headName'),
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('households.residentCount'),
      dataIndex: 'residentCount',
      key: 'residentCount',
      ...sortable('residentCount'),
      align: 'right',
    },
    {
      title: t('households.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => <ResidentTags tags={tags} />,
    },
    {
      title: t('households.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      ...sortable('updatedAt'),
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
      onChange={(_pagination, _filters, sorter) => onSort(listSortOf(sorter, HOUSEHOLD_SORTS))}
      showSorterTooltip={false}
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
