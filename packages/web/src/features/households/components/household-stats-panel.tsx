import { HomeOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../lib/auth/auth-context';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { useLanguage } from '../../../lib/i18n/use-language';
import { allowedTagGroups, tagGroupLabel, tagLabel } from '../labels';
import { TAG_COLOR } from '../map-layers';
import { useHouseholdStatsQuery } from '../queries';

/**
 * 住户统计 beside the home map, for the unit selected in the tree: households, residents, those
 * outside every grid, and the tagged groups (a click highlights that tag on the map).
 */
export function HouseholdStatsPanel({
  orgUnitId,
  highlightTag,
  onHighlightTag,
}: {
  orgUnitId: string | null;
  highlightTag: string | null;
  onHighlightTag: (tag: string | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { can } = useAuth();
  const navigate = useNavigate();
  const stats = useHouseholdStatsQuery(orgUnitId);
  const data = stats.data;

  let body: ReactNode;
  if (stats.error) body = <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  else if (!data) body = <Skeleton active paragraph={{ rows: 5 }} />;
  else if (data.households === 0)
    body = (
      <Empty description={t('households.statsEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE}>
        <Button onClick={() => navigate('/households')}>{t('households.title')}</Button>
      </Empty>
    );
  else {
    const groups = allowedTagGroups(can('resident.sensitive'));
    body = (
      <>
        <Row gutter={[8, 12]}>
          <Col span={12}>
            <Statistic
              title={t('households.statHouseholds')}
              value={data.households}
              prefix={<HomeOutlined />}
              data-testid="stat-households"
            />
          </Col>
          <Col span={12}>
            <Statistic
              title={t('households.statResidents')}
              value={data.residents}
              prefix={<TeamOutlined />}
              data-testid="stat-residents"
            />
          </Col>
          <Col span={24}>
            <Statistic
              title={t('households.statOutsideGrid')}
              value={data.outsideGrid}
              prefix={<WarningOutlined />}
              styles={{ content: { color: data.outsideGrid ? '#cf1322' : undefined } }}
              data-testid="stat-outside-grid"
            />
          </Col>
        </Row>
        <div data-testid="stat-tagged">
          {groups.map((group) => (
            <section key={group.key} data-testid={`stat-tag-group-${group.key}`}>
              <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
                {t('households.tagGroupCount', { group: tagGroupLabel(group.key) })}
              </Typography.Text>
              <Flex vertical gap={2}>
                {group.tags.map((tag) => {
                  const n = data.tagged[tag] ?? 0;
                  const active = highlightTag === tag;
                  return (
                    <Button
                      key={tag}
                      type={active ? 'primary' : 'text'}
                      size="small"
                      onClick={() => onHighlightTag(active ? null : tag)}
                      aria-pressed={active}
                      style={{ justifyContent: 'space-between', display: 'flex', width: '100%' }}
                      data-testid={`stat-tag-${tag}`}
                    >
                      <span>{tagLabel(tag, lang)}</span>
                      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n}</span>
                    </Button>
                  );
                })}
              </Flex>
            </section>
          ))}
        </div>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          {t('households.statTagHint')}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <Card
      title={t('households.statsTitle')}
      size="small"
      style={{ height: '100%' }}
      data-testid="household-stats"
    >
      {body}
    </Card>
  );
}

/** The map's tag layer: which tag's households are drawn in the accent colour. */
export function TagLayerLegend({ tag }: { tag: string | null }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dot = (color: string) => (
    <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: color }} />
  );
  return (
    <Flex gap={12} align="center" wrap style={{ fontSize: 12 }}>
      <Flex gap={4} align="center">
        {dot('#1677ff')}
        {t('households.legendHousehold')}
      </Flex>
      {tag ? (
        <Flex gap={4} align="center">
          {dot(TAG_COLOR)}
          {tagLabel(tag, lang)}
        </Flex>
      ) : null}
    </Flex>
  );
}
