import type { OrgUnit } from '@fengqiao/shared';

export interface OrgNode {
  unit: OrgUnit;
  children: OrgNode[];
}

export interface OrgIndex {
  roots: OrgNode[];
  byId: Map<string, OrgNode>;
}

const KIND_ORDER = { bureau: 0, station: 1, community: 2, grid: 3 } as const;

function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.code.localeCompare(b.code) || a.name.localeCompare(b.name)
  );
}

/** Builds the tree from the flat scope list; roots are units whose parent is not in the list. */
export function buildOrgIndex(units: readonly OrgUnit[]): OrgIndex {
  const byId = new Map<string, OrgNode>();
  for (const unit of [...units].sort(compareUnits)) byId.set(unit.id, { unit, children: [] });
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parentId ? byId.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, byId };
}

/** The ids of a unit and everything under it. */
export function subtreeIds(index: OrgIndex, id: string): Set<string> {
  const ids = new Set<string>();
  const stack = [index.byId.get(id)];
  while (stack.length) {
    const node = stack.pop();
    if (!node || ids.has(node.unit.id)) continue;
    ids.add(node.unit.id);
    stack.push(...node.children);
  }
  return ids;
}

/** Ids from the root down to (excluding) the unit, for expanding the tree. */
export function ancestorIds(index: OrgIndex, id: string): string[] {
  const path: string[] = [];
  let parentId = index.byId.get(id)?.unit.parentId ?? null;
  while (parentId && index.byId.has(parentId) && !path.includes(parentId)) {
    path.unshift(parentId);
    parentId = index.byId.get(parentId)?.unit.parentId ?? null;
  }
  return path;
}

export interface OrgTreeData {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  children?: OrgTreeData[];
}

/** Data for antd Tree and TreeSelect. */
export function toTreeData(nodes: readonly OrgNode[]): OrgTreeData[] {
  return nodes.map((node) => ({
    key: node.unit.id,
    value: node.unit.id,
    title: node.unit.name,
    isLeaf: node.children.length === 0,
    children: node.children.length ? toTreeData(node.children) : undefined,
  }));
}
