import type { ImportReport } from '@fengqiao/shared';
import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';

export type ImportIssue = ImportReport['errors'][number];

/** Row errors or warnings: paged, sortable by row number (the file's order by default). */
export function IssuesTable({ items, testId }: { items: readonly ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  const columns: ColumnsType<ImportIssue> = [
    {
      title: t('householdImport.row'),
      dataIndex: 'row',
      width: 96,
      sorter: (a, b) => a.row - b.row,
      defaultSortOrder: 'ascend',
      sortDirections: ['ascend', 'descend', 'ascend'],
    },
    { title: t('householdImport.column'), dataIndex: 'column', width: 180 },
    { title: t('householdImport.reason'), dataIndex: 'reason' },
  ];
  return (
    <Table<ImportIssue>
      rowKey={(issue) => `${issue.row}:${issue.field}:${issue.reason}`}
      size="small"
      columns={columns}
      dataSource={items as ImportIssue[]}
      pagination={{ defaultPageSize: 10, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100] }}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('householdImport.noErrors')} /> }}
      data-testid={testId}
    />
  );
}
