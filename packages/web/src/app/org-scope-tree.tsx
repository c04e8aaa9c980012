import { CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Spin, Tree, Typography } from 'antd';
import { type Key, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/api-client';
import { useOrgScope } from '../lib/org-scope/org-scope-context';
import { ancestorIds, toTreeData } from '../lib/org-tree';

/** The org tree of the user's scope; the selected unit filters the current page. */
export function OrgScopeTree({ onSelected }: { onSelected?: () => void }) {
  const { t } = useTranslation();
  const scope = useOrgScope();
  const treeData = useMemo(() => toTreeData(scope.index.roots), [scope.index]);
  const [expanded, setExpanded] = useState<Key[]>([]);

  // Open the first two levels when the tree arrives.
  useEffect(() => {
    const keys: Key[] = [];
    for (const root of scope.index.roots) {
      keys.push(root.unit.id);
      for (const child of root.children) if (child.children.length) keys.push(child.unit.id);
    }
    setExpanded(keys);
  }, [scope.index]);

  // Reveal a unit selected elsewhere (e.g. by clicking the map).
  useEffect(() => {
    if (!scope.selectedId) return;
    const path = ancestorIds(scope.index, scope.selectedId);
    setExpanded((keys) => [...new Set([...keys, ...path])]);
  }, [scope.selectedId, scope.index]);

  if (!scope.available) return null;

  let body: ReactNode;
  if (scope.loading && !scope.units.length) body = <Spin style={{ display: 'block', margin: 16 }} />;
  else if (scope.error) {
    body = (
      <Alert
        type="error"
        showIcon
        title={errorMessage(scope.error)}
        action={
          <Button size="small" onClick={scope.retry}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!treeData.length)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nav.scopeEmpty')} />;
  else {
    body = (
      <Tree
        blockNode
        treeData={treeData}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={scope.selectedId ? [scope.selectedId] : []}
        onSelect={(keys) => {
          const key = keys[0];
          scope.select(key === undefined ? null : String(key));
          onSelected?.();
        }}
        data-testid="org-tree"
      />
    );
  }

  return (
    <div style={{ padding: '8px 12px 16px' }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('nav.scope')}</Typography.Text>
        {scope.selectedUnit ? (
          <Button
            size="small"
            type="link"
            icon={<CloseCircleOutlined />}
            onClick={() => scope.select(null)}
            data-testid="org-scope-clear"
          >
            {t('nav.scopeAll')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('nav.scopeAll')}</Typography.Text>
        )}
      </Flex>
      {body}
    </div>
  );
}
