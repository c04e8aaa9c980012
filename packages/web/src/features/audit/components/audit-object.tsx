import type { AuditEvent } from '@fengqiao/shared';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/use-language';
import { auditObjectLabel } from '../audit-labels';

/** The object by type and name; one the server did not name (out of scope) says why on hover. */
export function AuditObject({
  event,
}: {
  event: Pick<AuditEvent, 'objectType' | 'objectId' | 'objectName'>;
}) {
  const { t } = useTranslation();
  const label = auditObjectLabel(event, useLanguage());
  if (!event.objectType || event.objectName || !event.objectId) return <>{label}</>;
  return (
    <Tooltip title={t('audit.objectTypeOnly')}>
      <span data-testid="audit-object-unnamed">{label}</span>
    </Tooltip>
  );
}
