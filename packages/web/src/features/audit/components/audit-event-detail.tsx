import type { AuditEvent } from '@fengqiao/shared';
import { Descriptions, Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { auditActionLabel } from '../audit-labels';
import { AuditObject } from './audit-object';
import { AuditResultTag } from './audit-result-tag';

/** Everything about one event, for the phone, where the list shows only its number, time and action. */
export function AuditEventDetail({ event, onClose }: { event: AuditEvent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Drawer
      open={event !== null}
      onClose={onClose}
      placement="bottom"
      size="large"
      title={event ? `${t('audit.seq')} ${event.seq}` : ''}
      data-testid="audit-event-detail"
    >
      {event ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('audit.at')}>{formatDateTimeSeconds(event.at)}</Descriptions.Item>
          <Descriptions.Item label={t('audit.action')}>
            {auditActionLabel(event.action, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.actor')}>{event.actorName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('audit.object')}>
            <AuditObject event={event} />
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.result')}>
            <AuditResultTag result={event.result} />
          </Descriptions.Item>
          <Descriptions.Item label={t('audit.ip')}>{event.ip ?? '—'}</Descriptions.Item>
          {event.detail !== null && event.detail !== undefined ? (
            <Descriptions.Item label={t('audit.detail')}>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                {JSON.stringify(event.detail, null, 2)}
              </pre>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
    </Drawer>
  );
}
