import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CursorPager } from '../query/use-cursor-query';

/** Previous / next buttons for a cursor-paged list. */
export function CursorPagerBar({ pager, testId }: { pager: CursorPager<unknown>; testId?: string }) {
  const { t } = useTranslation();
  if (!pager.hasPrev && !pager.hasNext) return null;
  return (
    <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }} data-testid={testId}>
      <Button icon={<LeftOutlined />} disabled={!pager.hasPrev || pager.loading} onClick={pager.prev}>
        {t('common.prevPage')}
      </Button>
      <Typography.Text type="secondary">{t('common.pageN', { n: pager.page })}</Typography.Text>
      <Button disabled={!pager.hasNext} onClick={pager.next}>
        {t('common.nextPage')} <RightOutlined />
      </Button>
    </Space>
  );
}
