import type { ResidentSearchResult } from '@fengqiao/shared';
import { Empty, Flex, Grid, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { TapCardList } from '../../../lib/components/tap-card-list';
import { useLanguage } from '../../../lib/i18n/use-language';
import { relationLabel } from '../labels';
import { GridName } from './grid-name';
import { ResidentName } from './resident-name';
import { ResidentTags } from './resident-tags';

/** People found by 查人 (masked); a row opens the person's household file. */
export function PersonResultsTable({ items, loading }: { items: ResidentSearchResult[]; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const sexLabel = (sex: string) => (sex === 'male' ? t('households.male') : t('households.female'));
  const compact = Grid.useBreakpoint().md === false;
  if (compact)
    return (
      <TapCardList
        items={items}
        loading={loading}
        empty={t('households.personEmpty')}
        testId="person-results"
        itemTestId="person-row"
        onOpen={(r) => navigate(`/households/${r.householdId}`)}
        render={(r) => (
          <>
            <Flex justify="space-between" gap={8} wrap>
              <Typography.Text strong>
                <ResidentName name={r.name} restricted={r.restricted} />
              </Typography.Text>
              <Typography.Text type="secondary">
                {relationLabel(r.relation, lang)} · {sexLabel(r.sex)} ·{' '}
                {t('households.ageValue', { n: r.age })}
              </Typography.Text>
            </Flex>
            <Flex justify="space-between" gap={8} wrap>
              <span style={{ fontFamily: 'monospace' }}>{r.idCardMasked}</span>
              <span>{r.phoneMasked ?? ''}</span>
            </Flex>
            <Typography.Text type="secondary">
              {r.addressMasked} · <GridName name={r.gridName} outside={!r.gridName} />
            </Typography.Text>
            {r.tags.length ? (
              <div style={{ marginTop: 4 }}>
                <ResidentTags tags={r.tags} />
              </div>
            ) : null}
          </>
        )}
      />
    );
  const columns: ColumnsType<ResidentSearchResult> = [
    {
      title: t('households.name'),
      dataIndex: 'name',
      fixed: 'left',
      render: (_v, r) => <ResidentName name={r.name} restricted={r.restricted} />,
    },
    { title: t('households.idCard'), dataIndex: 'idCardMasked' },
    { title: t('households.age'), dataIndex: 'age' },
    {
      title: t('households.sex'),
      dataIndex: 'sex',
      render: sexLabel,
    },
    { title: t('households.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
    { title: t('households.relation'), dataIndex: 'relation', render: (v: string) => relationLabel(v, lang) },
    {
      title: t('households.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => <ResidentTags tags={tags} />,
    },
    { title: t('households.address'), dataIndex: 'addressMasked' },
    {
      title: t('households.grid'),
      dataIndex: 'gridName',
      render: (name: string | null) => <GridName name={name} outside={!name} />,
    },
  ];
  return (
    <Table<ResidentSearchResult>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({
        onClick: () => navigate(`/households/${r.householdId}`),
        style: { cursor: 'pointer' },
        'data-testid': 'person-row',
      })}
      locale={{ emptyText: <Empty description={t('households.personEmpty')} /> }}
      data-testid="person-results"
    />
  );
}
