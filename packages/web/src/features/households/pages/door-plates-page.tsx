import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import type { HouseholdSummary } from '@fengqiao/shared';
import { Alert, Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { useApi } from '../../../lib/use-api';
import { fetchOrgUnit } from '../../orgs/api';
import { fetchHouseholdFile, listHouseholds } from '../api';
import { DoorPlate } from '../components/door-plate';
import '../door-plates.css';

/** A sheet holds six plates; more than this many at once is too much for one print job. */
export const MAX_PLATES = 300;
const PAGE = 200;

async function loadPlates(
  params: { orgUnitId: string | null; householdId: string | null },
  signal: AbortSignal,
): Promise<{ items: HouseholdSummary[]; truncated: boolean }> {
  if (params.householdId) {
    const file = await fetchHouseholdFile(params.householdId, signal);
    return { items: [file.household], truncated: false };
  }
  const items: HouseholdSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listHouseholds({ orgUnitId: params.orgUnitId, limit: PAGE, cursor }, signal);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < MAX_PLATES);
  return { items: items.slice(0, MAX_PLATES), truncated: !!cursor || items.length > MAX_PLATES };
}

/** 门牌打印: `?orgUnitId=` (every household under a unit) or `?householdId=` (one plate). */
export function DoorPlatesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const orgUnitId = params.get('orgUnitId');
  const householdId = params.get('householdId');
  const plates = useApi((signal) => loadPlates({ orgUnitId, householdId }, signal), [orgUnitId, householdId]);
  const unit = useApi(
    (signal) => fetchOrgUnit(orgUnitId as string, signal),
    [orgUnitId],
    !!orgUnitId && can('org.read'),
  );
  const [done, setDone] = useState(0);
  const imageDone = useCallback(() => setDone((n) => n + 1), []);

  const items = plates.data?.items ?? [];
  const ready = !plates.loading && done >= items.length;
  const scopeName = householdId
    ? t('plates.oneHousehold')
    : orgUnitId
      ? (unit.data?.name ?? '…')
      : t('nav.scopeAll');

  function back() {
    if (window.history.length > 1) navigate(-1);
    else navigate(householdId ? `/households/${householdId}` : '/households');
  }

  return (
    <div className="fq-plates-screen">
      <Card className="fq-plates-toolbar" size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Flex align="center" gap={8} wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={back} data-testid="door-plates-back">
              {t('plates.back')}
            </Button>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('plates.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('plates.scope', { name: scopeName })}
              {plates.data ? ` · ${t('plates.count', { n: items.length })}` : ''}
            </Typography.Text>
          </Flex>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!items.length}
            loading={!!items.length && !ready}
            onClick={() => window.print()}
            data-testid="door-plates-print"
          >
            {t('plates.print')}
          </Button>
        </Flex>
        <Alert type="info" showIcon title={t('plates.maskedNote')} style={{ marginTop: 12 }} />
        {plates.data?.truncated ? (
          <Alert
            type="warning"
            showIcon
            title={t('plates.truncated', { n: MAX_PLATES })}
            style={{ marginTop: 8 }}
          />
        ) : null}
        {plates.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={plates.error} onRetry={plates.reload} />
          </div>
        ) : null}
      </Card>
      {plates.loading ? (
        <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />
      ) : items.length ? (
        <div className="fq-plates-sheet" data-testid="door-plates" data-plate-count={items.length}>
          {items.map((h) => (
            <DoorPlate key={h.id} household={h} onImageDone={imageDone} />
          ))}
        </div>
      ) : plates.error ? null : (
        <Card className="fq-plates-toolbar" data-testid="door-plates">
          <Empty description={t('plates.empty')} />
        </Card>
      )}
    </div>
  );
}

export default DoorPlatesPage;
