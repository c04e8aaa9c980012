import { Card, Col, Empty, Flex, Row, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../lib/auth/auth-context';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { PageHeader } from '../../../lib/components/page-header';
import { useOrgScope } from '../../../lib/org-scope/org-scope-context';
import { usePageTitle } from '../../../lib/page-title';
import { AreaMap } from '../../map';
import { OrgActions } from '../components/org-actions';
import { OrgChildrenTable } from '../components/org-children-table';
import { OrgDetail } from '../components/org-detail';
import { unitAndChildren } from '../org-features';
import { useOrgGeojsonQuery, useOrgUnitQuery } from '../queries';

/** 组织与网格: the selected unit (or the scope root), its children and map; write actions with org.write. */
export function OrgsPage() {
  const { t } = useTranslation();
  usePageTitle(t('orgs.title'));
  const { can } = useAuth();
  const scope = useOrgScope();
  const listed = scope.selectedUnit ?? scope.index.roots[0]?.unit ?? null;
  const node = listed ? scope.index.byId.get(listed.id) : undefined;
  const children = useMemo(() => node?.children.map((c) => c.unit) ?? [], [node]);

  // The full record (with boundary); a write to any unit invalidates it with the tree.
  const detail = useOrgUnitQuery(listed?.id);
  const grids = useOrgGeojsonQuery('grid');
  const detailed = detail.data && detail.data.id === listed?.id ? detail.data : undefined;
  const unit = detailed ?? listed;
  // The tree holds the parent only inside the caller's scope; the detail names it in any case.
  const parentName =
    (listed?.parentId ? scope.index.byId.get(listed.parentId)?.unit.name : undefined) ??
    detailed?.parentName ??
    null;
  const mapData = useMemo(
    () => (unit ? unitAndChildren(unit, children, grids.data) : undefined),
    [unit, children, grids.data],
  );

  if (scope.error) return <ErrorAlert error={scope.error} onRetry={scope.retry} />;
  if (scope.loading && !scope.units.length) {
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin />
      </Flex>
    );
  }
  if (!unit) return <Empty description={t('orgs.selectHint')} />;

  const onChanged = (selectId: string | null) => {
    scope.select(selectId);
  };

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        extra={
          can('org.write') ? (
            <OrgActions
              unit={unit}
              undeletableReason={detailed?.undeletableReason ?? null}
              onChanged={onChanged}
            />
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <OrgDetail unit={unit} parentName={parentName} />
          <OrgChildrenTable units={children} onOpen={(id) => scope.select(id)} />
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('orgs.mapTitle')} styles={{ body: { padding: 0 } }}>
            {mapData && mapData.features.length === 0 && !grids.isPending ? (
              <Empty description={t('orgs.noBoundary')} style={{ padding: '48px 0' }} />
            ) : (
              <AreaMap
                testId="org-map"
                data={grids.isPending && !grids.data ? undefined : mapData}
                highlightIds={unit ? [unit.id] : []}
                onSelect={(id) => {
                  if (id !== unit.id) scope.select(id);
                }}
                height={480}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default OrgsPage;
