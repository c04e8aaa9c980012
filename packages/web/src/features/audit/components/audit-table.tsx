import type { AuditEvent } from '@fengqiao/shared';
import { Empty, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../../lib/format';

const RESULT_COLORS: Record<string, string> = { ok: 'green', failed: 'red', denied: 'orange' };
const RESULT_LABEL_KEYS: Record<
  string,
  'audit.resultSuccess' | 'audit.resultFailure' | 'audit.resultDenied'
> = {
  ok: 'audit.resultSuccess',
  failed: 'audit.resultFailure',
  denied: 'audit.resultDenied',
};

/** Audit events; each row expands to its JSON detail. */
export function AuditTable({ events, loading }: { events: AuditEvent[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 220,
      render: (_v, e) => (e.objectType ? `${e.objectType}${e.objectId ? ` · ${e.objectId}` : ''}` : '—'),
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 100,
      render: (v: string) => {
        const key = RESULT_LABEL_KEYS[v];
        return <Tag color={RESULT_COLORS[v] ?? 'default'}>{key ? t(key) : v}</Tag>;
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <Table<AuditEvent>
      rowKey="seq"
      size="small"
      columns={columns}
      dataSource={events}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{
        rowExpandable: (e) => e.detail !== null && e.detail !== undefined,
        expandedRowRender: (e) => (
          <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
            {JSON.stringify(e.detail, null, 2)}
          </pre>
        ),
      }}
      locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
      data-testid="audit-table"
    />
  );
}
