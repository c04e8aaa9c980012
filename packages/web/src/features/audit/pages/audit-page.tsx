import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth/auth-context';
import { CursorPagerBar } from '../../../lib/components/cursor-pager-bar';
import { ErrorAlert } from '../../../lib/components/error-alert';
import { PageHeader } from '../../../lib/components/page-header';
import { saveBlob } from '../../../lib/download';
import { usePageTitle } from '../../../lib/page-title';
import { type AuditFilters, type AuditVerifyResult, exportAuditCsv, verifyAudit } from '../api';
import { AuditFilterForm } from '../components/audit-filter-form';
import { AuditTable } from '../components/audit-table';
import { AuditVerifyResultAlert } from '../components/audit-verify-result';
import { useAuditEvents } from '../queries';

/** 审计日志: filters, paging, CSV export and the hash-chain integrity check. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const { can } = useAuth();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [exporting, setExporting] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);
  const pager = useAuditEvents(filters);

  async function exportCsv() {
    setExporting(true);
    try {
      const { blob, filename } = await exportAuditCsv(filters);
      saveBlob(blob, filename);
      message.success(t('audit.exported'));
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  }

  async function verify() {
    setVerifying(true);
    try {
      setVerified(await verifyAudit());
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <>
            <Button
              icon={<SafetyCertificateOutlined />}
              loading={verifying}
              onClick={() => void verify()}
              data-testid="audit-verify"
            >
              {t('audit.verify')}
            </Button>
            {can('audit.export') ? (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void exportCsv()}
                data-testid="audit-export"
              >
                {t('audit.export')}
              </Button>
            ) : null}
          </>
        }
      />
      {verified ? <AuditVerifyResultAlert result={verified} onClose={() => setVerified(null)} /> : null}
      <Card>
        <AuditFilterForm onChange={setFilters} />
        {pager.error ? <ErrorAlert error={pager.error} onRetry={pager.retry} /> : null}
        <AuditTable events={pager.items} loading={pager.loading} />
        <CursorPagerBar pager={pager} testId="audit-pager" />
      </Card>
    </>
  );
}

export default AuditPage;
