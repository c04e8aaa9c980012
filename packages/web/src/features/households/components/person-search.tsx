import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPagerBar } from '../../../lib/components/cursor-pager-bar';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { useResidentSearch } from '../queries';
import { PersonResultsTable } from './person-results-table';

/** 查人: a name (partial), or an exact ID number or phone; each search is audited by the server. */
export function PersonSearch({ orgUnitId }: { orgUnitId: string | null }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const pager = useResidentSearch(q, orgUnitId);

  function clear() {
    setText('');
    setQ('');
  }

  return (
    <Card title={t('households.personSearch')} style={{ marginBottom: 16 }}>
      <Flex gap={8} wrap align="center">
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) setQ('');
          }}
          onSearch={(value) => setQ(value.trim())}
          placeholder={t('households.personSearchPlaceholder')}
          enterButton={<SearchOutlined aria-label={t('common.search')} />}
          maxLength={40}
          style={{ width: 420, maxWidth: '100%' }}
          data-testid="person-search"
        />
        {q ? <Button onClick={clear}>{t('households.clearSearch')}</Button> : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('households.personSearchHint')}
      </Typography.Paragraph>
      {q ? (
        <div style={{ marginTop: 12 }}>
          {pager.error ? <ErrorAlert error={pager.error} onRetry={pager.retry} /> : null}
          <PersonResultsTable items={pager.items} loading={pager.loading} />
          <CursorPagerBar pager={pager} testId="person-pager" />
        </div>
      ) : null}
    </Card>
  );
}
