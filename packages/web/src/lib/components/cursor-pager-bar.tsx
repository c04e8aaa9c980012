import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CursorPager } from '../query/use-cursor-query';
import { listTotalText, scrollListTopIntoView } from './list-total';

/**
 * The list's total and previous / next buttons for a cursor-paged list. On a page change the list
 * (the nearest `[data-list-top]` above the bar, else the bar's parent) scrolls back to its top.
 */
export function CursorPagerBar({ pager, testId }: { pager: CursorPager<unknown>; testId?: string }) {
  const { t, i18n } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  const paged = pager.hasPrev || pager.hasNext;
  if (!paged && !pager.total) return null;
  const turn = (go: () => void) => () => {
    go();
    const el = bar.current;
    scrollListTopIntoView(el?.closest('[data-list-top]') ?? el?.parentElement ?? null);
  };
  return (
    <Flex
      ref={bar}
      justify="space-between"
      align="center"
      gap={12}
      wrap
      style={{ marginTop: 16 }}
      data-testid={testId}
    >
      <Typography.Text type="secondary" data-testid={testId ? `${testId}-total` : undefined}>
        {pager.total ? listTotalText(pager.total, t, i18n.language) : null}
      </Typography.Text>
      {paged ? (
        <Space>
          <Button
            icon={<LeftOutlined />}
            disabled={!pager.hasPrev || pager.loading}
            onClick={turn(pager.prev)}
          >
            {t('common.prevPage')}
          </Button>
          <Typography.Text type="secondary">{t('common.pageN', { n: pager.page })}</Typography.Text>
          <Button disabled={!pager.hasNext} onClick={turn(pager.next)}>
            {t('common.nextPage')} <RightOutlined />
          </Button>
        </Space>
      ) : null}
    </Flex>
  );
}
