import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Spin } from 'antd';
import type { Key, ReactNode } from 'react';

/** A list of tappable cards, the phone form of a table whose rows open something. */
export function TapCardList<T>({
  items,
  keyOf = (item) => (item as { id: string }).id,
  loading,
  empty,
  testId,
  itemTestId,
  onOpen,
  render,
}: {
  items: T[];
  /** The card's React key; the item's `id` unless given. */
  keyOf?: (item: T) => Key;
  loading: boolean;
  empty: string;
  testId: string;
  itemTestId: string;
  onOpen: (item: T) => void;
  render: (item: T) => ReactNode;
}) {
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid={testId} style={{ minHeight: loading ? 80 : undefined }}>
        {!items.length && !loading ? <Empty description={empty} /> : null}
        {items.map((item) => (
          <Card
            key={keyOf(item)}
            size="small"
            hoverable
            role="button"
            tabIndex={0}
            onClick={() => onOpen(item)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onOpen(item);
            }}
            styles={{ body: { padding: 12 } }}
            data-testid={itemTestId}
          >
            <Flex align="center" gap={8}>
              <div style={{ flex: 1, minWidth: 0 }}>{render(item)}</div>
              <RightOutlined style={{ color: '#bfbfbf' }} />
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}
