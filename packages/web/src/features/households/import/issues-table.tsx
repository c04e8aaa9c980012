import type { ImportReport } from '@fengqiao/shared';
import { Empty, Grid, Table, Typography } from 'antd';
import type { ColumnsType, SortOrder } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format';

export type ImportIssue = ImportReport['errors'][number];

/**
 * Row errors or warnings, one page at a time. A file whose 100,000 rows are all bad gives hundreds of
 * thousands of issues, so the table is handed only the page on screen: the list arrives sorted by row
 * (then column) from the server, and "descending" reads it from the end instead of sorting a copy.
 */
export function IssuesTable({ items, testId }: { items: readonly ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  const compact = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [order, setOrder] = useState<SortOrder>('ascend');
  // A new report starts at its first page (state adjusted while rendering, as React recommends).
  const [shownItems, setShownItems] = useState(items);
  if (shownItems !== items) {
    setShownItems(items);
    setPage(1);
  }

  const pageItems = useMemo(() => {
    const start = (page - 1) * pageSize;
    if (order !== 'descend') return items.slice(start, start + pageSize);
    const end = items.length - start;
    return items.slice(Math.max(0, end - pageSize), end).reverse();
  }, [items, page, pageSize, order]);

  const rowColumn: ColumnsType<ImportIssue>[number] = {
    title: t('householdImport.row'),
    dataIndex: 'row',
    width: compact ? 64 : 96,
    sorter: true,
    sortOrder: order,
    sortDirections: ['ascend', 'descend', 'ascend'],
  };
  // On a phone the column and the reason share one wrapping cell, so the reason is never off-screen.
  const columns: ColumnsType<ImportIssue> = compact
    ? [
        rowColumn,
        {
          title: `${t('householdImport.column')} · ${t('householdImport.reason')}`,
          key: 'issue',
          render: (_v, issue) => (
            <div style={{ wordBreak: 'break-word' }}>
              <Typography.Text strong>{issue.column}</Typography.Text>
              <div>{issue.reason}</div>
            </div>
          ),
        },
      ]
    : [
        rowColumn,
        { title: t('householdImport.column'), dataIndex: 'column', width: 180 },
        { title: t('householdImport.reason'), dataIndex: 'reason' },
      ];
  return (
    <Table<ImportIssue>
      rowKey={(issue) => `${issue.row}:${issue.field}:${issue.reason}`}
      size="small"
      columns={columns}
      dataSource={pageItems}
      onChange={(pagination, _filters, sorter) => {
        const next = (Array.isArray(sorter) ? sorter[0]?.order : sorter.order) ?? 'ascend';
        if (next !== order) {
          setOrder(next);
          setPage(1);
        } else setPage(pagination.current ?? 1);
        setPageSize(pagination.pageSize ?? pageSize);
      }}
      pagination={{
        current: page,
        pageSize,
        total: items.length,
        simple: compact,
        showSizeChanger: !compact,
        showQuickJumper: !compact && items.length > pageSize * 10,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('householdImport.issuesTotal', { n: formatCount(total) }),
      }}
      scroll={compact ? undefined : { x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('householdImport.noErrors')} /> }}
      data-testid={testId}
    />
  );
}
