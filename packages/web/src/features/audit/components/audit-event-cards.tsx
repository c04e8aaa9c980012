import type { AuditEvent } from '@fengqiao/shared';
import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TapCardList } from '../../../lib/components/tap-card-list';
import { formatDateTimeSeconds } from '../../../lib/format';
import { useLanguage } from '../../../lib/i18n/use-language';
import { auditActionLabel } from '../audit-labels';
import { AuditEventDetail } from './audit-event-detail';

/** The log on a phone: 序号, 时间 and the action's name per card; a tap opens the rest. */
export function AuditEventCards({ events, loading }: { events: AuditEvent[]; loading: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState<AuditEvent | null>(null);
  return (
    <>
      <TapCardList
        items={events}
        keyOf={(e) => e.seq}
        loading={loading}
        empty={t('audit.empty')}
        testId="audit-table"
        itemTestId="audit-card"
        onOpen={setOpen}
        render={(e) => (
          <Flex justify="space-between" align="baseline" gap={8} wrap>
            <Typography.Text strong>{auditActionLabel(e.action, lang)}</Typography.Text>
            <Typography.Text type="secondary">
              {t('audit.seq')} {e.seq} · {formatDateTimeSeconds(e.at)}
            </Typography.Text>
          </Flex>
        )}
      />
      <AuditEventDetail event={open} onClose={() => setOpen(null)} />
    </>
  );
}
