import type { HouseholdEvent } from '@fengqiao/shared';
import { Button, Empty, Flex, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeSeconds } from '../../../lib/format';
import { i18n } from '../../../lib/i18n';

const FIELD_KEYS = [
  'name',
  'phone',
  'relation',
  'residenceType',
  'tags',
  'address',
  'location',
  'idCard',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];

function fieldLabel(key: string): string {
  return (FIELD_KEYS as readonly string[]).includes(key)
    ? i18n.t(`households.changeFields.${key as FieldKey}`)
    : key;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return i18n.t('households.emptyValue');
  if (Array.isArray(value)) {
    if (value.length === 0) return i18n.t('households.emptyValue');
    if (value.length === 2 && value.every((v) => typeof v === 'number')) return value.join(', ');
    return value.map(formatValue).join('、');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'to' in value && 'from' in value;
}

/** The changes of one event: `field: from → to`, or `field: value` for what was recorded at creation. */
function ChangeList({ changes }: { changes: Record<string, unknown> }) {
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="history-changes">
      {Object.entries(changes).map(([key, value]) => (
        <li key={key}>
          <Typography.Text type="secondary">
            {fieldLabel(key)}
            {i18n.t('common.colon')}
          </Typography.Text>
          {isChange(value) ? (
            <>
              <Typography.Text delete type="secondary">
                {formatValue(value.from)}
              </Typography.Text>
              {' → '}
              <Typography.Text>{formatValue(value.to)}</Typography.Text>
            </>
          ) : (
            <Typography.Text>{formatValue(value)}</Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}

function EventItem({ event }: { event: HouseholdEvent }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const changes =
    event.changes && typeof event.changes === 'object' && Object.keys(event.changes).length
      ? (event.changes as Record<string, unknown>)
      : null;
  let details: ReactNode = null;
  if (changes)
    details = (
      <>
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
          data-testid="history-toggle"
        >
          {open ? t('households.hideChanges') : t('households.showChanges')}
        </Button>
        {open ? <ChangeList changes={changes} /> : null}
      </>
    );
  return (
    <div data-testid="history-event">
      <Flex gap={8} wrap>
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatDateTimeSeconds(event.at)}
        </Typography.Text>
        <Typography.Text type="secondary">{event.actorName ?? t('households.systemActor')}</Typography.Text>
      </Flex>
      <div>{event.summary}</div>
      {details}
    </div>
  );
}

const COLORS: Record<string, string> = {
  'household.create': 'green',
  'resident.create': 'blue',
  'household.update': 'orange',
  'resident.update': 'gray',
};

/** 变更记录: newest first, times in China Standard Time, changes expandable. */
export function HistoryTimeline({ history }: { history: HouseholdEvent[] }) {
  const { t } = useTranslation();
  if (!history.length)
    return (
      <div data-testid="history-timeline">
        <Empty description={t('households.historyEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      </div>
    );
  const sorted = [...history].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <div data-testid="history-timeline">
      <Timeline
        items={sorted.map((event) => ({
          key: event.id,
          color: COLORS[event.kind] ?? 'blue',
          content: <EventItem event={event} />,
        }))}
      />
    </div>
  );
}
