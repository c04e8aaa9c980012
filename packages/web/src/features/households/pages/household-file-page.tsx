import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import type { Resident } from '@fengqiao/shared';
import { App, Button, Card, Col, Result, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth/auth-context';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { PageHeader } from '../../../lib/components/page-header';
import { usePageTitle } from '../../../lib/page-title';
import { HistoryTimeline } from '../components/history-timeline';
import { HouseholdHeaderCard } from '../components/household-header-card';
import { HouseholdLocationModal } from '../components/household-location-modal';
import { ResidentAddModal } from '../components/resident-add-modal';
import { ResidentEditModal } from '../components/resident-edit-modal';
import { ResidentTable } from '../components/resident-table';
import { useHouseholdFileQuery } from '../queries';

/** 一户一档: the household, its members (masked; unmask one at a time, audited) and its history. */
export function HouseholdFilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('households.fileTitle'));
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Resident | null>(null);
  const [locating, setLocating] = useState(false);
  const file = useHouseholdFileQuery(id);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/households')} data-testid="household-back">
      {t('households.back')}
    </Button>
  );

  if (file.error instanceof ApiError && (file.error.status === 404 || file.error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('households.notFound')}
        subTitle={t('households.notFoundDetail')}
        extra={
          <Link to="/households">
            <Button type="primary">{t('households.back')}</Button>
          </Link>
        }
      />
    );
  }

  const data = file.data?.household.id === id ? file.data : undefined;
  const hasHead = !!data?.residents.some((r) => r.relation === '户主');

  return (
    <div data-testid="household-file">
      <PageHeader title={t('households.fileTitle')} extra={back} />
      {file.error ? <ErrorAlert error={file.error} onRetry={() => void file.refetch()} /> : null}
      {!data ? (
        file.error ? null : (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )
      ) : (
        <>
          <HouseholdHeaderCard file={data} onEditLocation={() => setLocating(true)} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={16}>
              <Card
                title={t('households.members')}
                extra={
                  can('household.write') ? (
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      onClick={() => setAdding(true)}
                      data-testid="resident-add"
                    >
                      {t('households.addResident')}
                    </Button>
                  ) : null
                }
              >
                <ResidentTable residents={data.residents} onEdit={setEditing} />
              </Card>
            </Col>
            <Col xs={24} xxl={8}>
              <Card title={t('households.history')}>
                <HistoryTimeline history={data.history} />
              </Card>
            </Col>
          </Row>
          <ResidentAddModal
            householdId={id}
            open={adding}
            hasHead={hasHead}
            onClose={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              message.success(t('households.added'));
            }}
          />
          <ResidentEditModal
            resident={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              message.success(t('households.residentUpdated'));
            }}
          />
          <HouseholdLocationModal
            household={data.household}
            open={locating}
            onClose={() => setLocating(false)}
            onSaved={() => {
              setLocating(false);
              message.success(t('households.locationUpdated'));
            }}
          />
        </>
      )}
    </div>
  );
}

export default HouseholdFilePage;
