import { EditOutlined } from '@ant-design/icons';
import type { Resident } from '@fengqiao/shared';
import { Button, Card, Empty, Flex, Grid, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { useLanguage } from '../../../lib/i18n/use-language';
import { relationLabel, residenceLabel } from '../labels';
import { ResidentName } from './resident-name';
import { ResidentTags } from './resident-tags';
import { ResidentUnmaskButton } from './resident-unmask';

/** The members of one household, masked; children's records shown reduced carry a lock. */
export function ResidentTable({
  residents,
  onEdit,
}: {
  residents: Resident[];
  onEdit: (r: Resident) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { can } = useAuth();
  const canUnmask = can('resident.unmask');
  const canWrite = can('household.write');
  const compact = Grid.useBreakpoint().md === false;
  const sexLabel = (sex: string) => (sex === 'male' ? t('households.male') : t('households.female'));
  const actions = (r: Resident) =>
    r.restricted ? null : (
      <Space size={0} wrap>
        {canUnmask ? <ResidentUnmaskButton resident={r} /> : null}
        {canWrite ? (
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => onEdit(r)}
            data-testid={`resident-edit-${r.id}`}
          >
            {t('common.edit')}
          </Button>
        ) : null}
      </Space>
    );

  // Phones get one card per person instead of a wide table.
  if (compact) {
    if (!residents.length)
      return (
        <div data-testid="residents-table">
          <Empty description={t('households.noMembers')} />
        </div>
      );
    return (
      <Flex vertical gap={8} data-testid="residents-table">
        {residents.map((r) => (
          <Card key={r.id} size="small" styles={{ body: { padding: 12 } }} data-testid="resident-card">
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong>
                <ResidentName name={r.name} restricted={r.restricted} />
              </Typography.Text>
              <Typography.Text type="secondary">
                {relationLabel(r.relation, lang)} · {sexLabel(r.sex)} ·{' '}
                {t('households.ageValue', { n: r.age })}
              </Typography.Text>
            </Flex>
            <div style={{ fontFamily: 'monospace', marginTop: 4 }}>{r.idCardMasked}</div>
            <Flex justify="space-between" gap={8} wrap style={{ marginTop: 2 }}>
              <span>{r.phoneMasked ?? '—'}</span>
              <Typography.Text type="secondary">{residenceLabel(r.residenceType, lang)}</Typography.Text>
            </Flex>
            {r.tags.length ? (
              <div style={{ marginTop: 6 }}>
                <ResidentTags tags={r.tags} />
              </div>
            ) : null}
            {(canUnmask || canWrite) && !r.restricted ? (
              <div style={{ marginTop: 6, marginInlineStart: -8 }}>{actions(r)}</div>
            ) : null}
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: ColumnsType<Resident> = [
    {
      title: t('households.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (_v, r) => <ResidentName name={r.name} restricted={r.restricted} />,
    },
    { title: t('households.relation'), dataIndex: 'relation', render: (v: string) => relationLabel(v, lang) },
    {
      title: t('households.idCard'),
      dataIndex: 'idCardMasked',
      render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
    },
    { title: t('households.age'), dataIndex: 'age' },
    {
      title: t('households.sex'),
      dataIndex: 'sex',
      render: sexLabel,
    },
    { title: t('households.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
    {
      title: t('households.residenceType'),
      dataIndex: 'residenceType',
      render: (v: string) => residenceLabel(v, lang),
    },
    {
      title: t('households.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => <ResidentTags tags={tags} />,
    },
  ];
  if (canUnmask || canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_v, r) => actions(r) ?? '—',
    });
  }
  return (
    <Table<Resident>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={residents}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('households.noMembers')} /> }}
      data-testid="residents-table"
    />
  );
}
