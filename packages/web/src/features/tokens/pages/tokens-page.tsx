import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorPagerBar } from '../../../lib/components/cursor-pager-bar';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { PageHeader } from '../../../lib/components/page-header';
import { usePageTitle } from '../../../lib/page-title';
import { TokenCreateModal } from '../components/token-create-modal';
import { TokenTable } from '../components/token-table';
import { useTokenList } from '../queries';

/** 接口令牌: list, create (shown once), revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('tokens.title'));
  const [creating, setCreating] = useState(false);
  const pager = useTokenList();

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="token-create"
          >
            {t('tokens.create')}
          </Button>
        }
      />
      <Card>
        <Typography.Paragraph type="secondary">{t('tokens.intro')}</Typography.Paragraph>
        {pager.error ? <ErrorAlert error={pager.error} onRetry={pager.retry} /> : null}
        <TokenTable tokens={pager.items} loading={pager.loading} />
        <CursorPagerBar pager={pager} testId="tokens-pager" />
      </Card>
      <TokenCreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

export default TokensPage;
