import { Alert, Card, Col, Flex, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../lib/auth/auth-context';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { PageHeader } from '../../../lib/components/page-header';
import { useOrgScope } from '../../../lib/org-scope/org-scope-context';
import { subtreeIds } from '../../../lib/org-tree';
import { usePageTitle } from '../../../lib/page-title';
import {
  HouseholdStatsPanel,
  householdPointLayer,
  TagLayerLegend,
  TagLayerSelect,
  useHouseholdPointsQuery,
} from '../../households';
import { AreaMap } from '../../map';
import { useOrgGeojsonQuery } from '../../orgs';
import { StatCards } from '../components/stat-cards';
import { countScope } from '../scope-counts';

/** Overview: counts and the grid map of the user's scope. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.home'));
  const { me, can } = useAuth();
  const scope = useOrgScope();
  const navigate = useNavigate();
  const grids = useOrgGeojsonQuery('grid', scope.available);
  const households = can('household.read');
  const points = useHouseholdPointsQuery(null, scope.available && households);
  const [highlightTag, setHighlightTag] = useState<string | null>(null);

  const counts = useMemo(
    () => countScope(scope.index, scope.units, scope.selectedId),
    [scope.index, scope.units, scope.selectedId],
  );
  const highlightIds = useMemo(
    () => (scope.selectedId ? [...subtreeIds(scope.index, scope.selectedId)] : []),
    [scope.index, scope.selectedId],
  );

  const title = t('home.welcome', { name: me?.user.displayName ?? '' });
  if (!scope.available) {
    return (
      <>
        <PageHeader title={title} />
        <Alert type="info" showIcon title={t('home.noOrgAccess')} />
      </>
    );
  }

  const scopeName = scope.selectedUnit?.name ?? t('nav.scopeAll');
  return (
    <>
      <PageHeader
        title={title}
        extra={
          <Typography.Text type="secondary">{t('home.scopeLabel', { name: scopeName })}</Typography.Text>
        }
      />
      {scope.error ? <ErrorAlert error={scope.error} onRetry={scope.retry} /> : null}
      <StatCards counts={counts} loading={scope.loading && !scope.units.length} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={households ? 17 : 24}>
          <Card
            title={t('home.mapTitle')}
            extra={households ? <TagLayerSelect value={highlightTag} onChange={setHighlightTag} /> : null}
            styles={{ body: { padding: 0 } }}
          >
            {grids.error ? (
              <div style={{ padding: 16 }}>
                <ErrorAlert error={grids.error} onRetry={() => void grids.refetch()} />
              </div>
            ) : null}
            {grids.data && grids.data.features.length === 0 ? (
              <Alert type="info" showIcon title={t('home.noGrids')} style={{ margin: 16 }} />
            ) : null}
            <AreaMap
              testId="grid-map"
              data={grids.data}
              highlightIds={highlightIds}
              focusKey={scope.selectedId}
              onSelect={(id) => scope.select(id)}
              height="max(360px, calc(100vh - 400px))"
              points={points.data}
              pointsLoading={households && !points.data && !points.error}
              pointLayer={householdPointLayer}
              highlight={highlightTag}
              onPointSelect={(id) => navigate(`/households/${id}`)}
            />
            {households ? (
              <Flex vertical gap={4} style={{ padding: '8px 12px' }}>
                <TagLayerLegend tag={highlightTag} />
                {points.error ? (
                  <ErrorAlert error={points.error} onRetry={() => void points.refetch()} />
                ) : null}
                {points.data?.truncated ? (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t('households.pointsTruncated')}
                  </Typography.Text>
                ) : null}
              </Flex>
            ) : null}
          </Card>
        </Col>
        {households ? (
          <Col xs={24} lg={7}>
            <HouseholdStatsPanel
              orgUnitId={scope.selectedId}
              highlightTag={highlightTag}
              onHighlightTag={setHighlightTag}
            />
          </Col>
        ) : null}
      </Row>
    </>
  );
}

export default HomePage;
