// What other features may use of orgs (besides ./api).
export { OrgTreeSelect, type OrgTreeSelectProps } from './components/org-tree-select';
export { useOrgGeojsonQuery, useOrgUnitQuery } from './queries';
