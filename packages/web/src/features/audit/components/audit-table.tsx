import type { AuditEvent } from '@fengqiao/shared';
import { Empty, Grid, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { auditActionLabel } from '../audit-labels';
import { AuditEventCards } from './audit-event-cards';
import { AuditObject } from './audit-object';
import { AuditResultTag } from './audit-result-tag';

/** Audit events; each row expands to its JSON detail. On a phone, cards that open the detail. */
export function AuditTable({ events, loading }: { events: AuditEvent[]; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const compact = Grid.useBreakpoint().md === false;
  if (compact) return <AuditEventCards events={events} loading={loading} />;
  const columns: ColumnsType<AuditEvent> = [
    { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      render: (v: string) => <span title={v}>{auditActionLabel(v, lang)}</span>,
    },
    {
      title: t('audit.object'),
      key: 'object',
      width: 220,
      render: (_v, e) => <AuditObject event={e} />,
    },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      width: 100,
      render: (v: string) => <AuditResultTag result={v} />,
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
