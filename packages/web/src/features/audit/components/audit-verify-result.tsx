import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResult } from '../api';

/** Green when the hash chain is intact, red with the broken sequence number otherwise. */
export function AuditVerifyResultAlert({
  result,
  onClose,
}: {
  result: AuditVerifyResult;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      title={t('audit.verifyTitle')}
      description={
        result.ok
          ? t('audit.verifyOk', { checked: result.checked })
          : t('audit.verifyBroken', {
              seq: result.brokenAtSeq ?? '?',
              checked: result.checked,
              reason: result.reason ?? '',
            })
      }
      style={{ marginBottom: 16 }}
      data-testid="audit-verify-result"
      data-ok={String(result.ok)}
    />
  );
}
