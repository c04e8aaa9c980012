import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgScope } from '../../../lib/org-scope/org-scope-context';
import { toTreeData } from '../../../lib/org-tree';

export interface OrgTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  testId?: string;
}

/** Picks an org unit from the user's scope (for forms: unit, data scope). */
export function OrgTreeSelect({
  value,
  onChange,
  placeholder,
  allowClear,
  disabled,
  testId,
}: OrgTreeSelectProps) {
  const scope = useOrgScope();
  const treeData = useMemo(() => toTreeData(scope.index.roots), [scope.index]);
  const expanded = useMemo(() => scope.index.roots.map((root) => root.unit.id), [scope.index]);
  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={treeData}
      treeDefaultExpandedKeys={expanded}
      placeholder={placeholder}
      allowClear={allowClear}
      disabled={disabled}
      loading={scope.loading}
      showSearch
      treeNodeFilterProp="title"
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
