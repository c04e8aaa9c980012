import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { MAX_DOOR_PLATES } from '@fengqiao/shared/rules';
import { Alert, Button, Card, Empty, Flex, Pagination, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../lib/auth/auth-context';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { useOrgUnitQuery } from '../../orgs';
import { DoorPlate } from '../components/door-plate';
import '../door-plates.css';
import { usePageTitle } from '../../../lib/page-title';
import { useDoorPlatesQuery } from '../queries';

/**
 * 门牌打印: `?orgUnitId=` (the households under a unit, in batches of MAX_DOOR_PLATES, `&batch=`)
 * or `?householdId=` (one plate).
 */
export function DoorPlatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('plates.title'));
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const orgUnitId = params.get('orgUnitId');
  const householdId = params.get('householdId');
  const batch = Math.max(1, Number.parseInt(params.get('batch') ?? '1', 10) || 1);
  const plates = useDoorPlatesQuery({
    orgUnitId: orgUnitId ?? undefined,
    householdId: householdId ?? undefined,
    batch,
  });
  const unit = useOrgUnitQuery(orgUnitId ?? undefined, can('org.read'));
  const items = plates.data?.items ?? [];
  const batches = plates.data?.batches ?? 1;

  function goToBatch(next: number) {
    const nextParams = new URLSearchParams(params);
    nextParams.set('batch', String(next));
    setParams(nextParams, { replace: true });
  }
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
              {plates.data
                ? ` · ${t(batches > 1 ? 'plates.countOfTotal' : 'plates.count', { n: items.length, total: plates.data.total })}`
                : ''}
            </Typography.Text>
          </Flex>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!items.length}
            onClick={() => window.print()}
            data-testid="door-plates-print"
          >
            {t('plates.print')}
          </Button>
        </Flex>
        <Alert type="info" showIcon title={t('plates.fullAddressNote')} style={{ marginTop: 12 }} />
        {plates.data && batches > 1 ? (
          <Flex align="center" justify="space-between" wrap gap={8} style={{ marginTop: 8 }}>
            <Typography.Text type="warning">
              {t('plates.batchesNote', { total: plates.data.total, size: MAX_DOOR_PLATES, batches })}
            </Typography.Text>
            <Pagination
              simple
              showSizeChanger={false}
              current={batch}
              pageSize={MAX_DOOR_PLATES}
              total={plates.data.total}
              onChange={goToBatch}
              disabled={plates.isFetching}
              data-testid="door-plates-batch"
            />
          </Flex>
        ) : null}
        {plates.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={plates.error} onRetry={() => void plates.refetch()} />
          </div>
        ) : null}
      </Card>
      {plates.isFetching ? (
        <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />
      ) : items.length ? (
        <div className="fq-plates-sheet" data-testid="door-plates" data-plate-count={items.length}>
          {items.map((plate) => (
            <DoorPlate key={plate.householdId} plate={plate} />
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
