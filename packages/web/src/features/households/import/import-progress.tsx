import type { ImportJob } from '@fengqiao/shared';
import { Button, Card, Flex, Progress, Spin, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatCount } from './format';
import type { UploadState } from './use-import-upload';

/** Seconds since `since`; re-renders once a second. */
function useElapsedSeconds(since: number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.floor((Date.now() - since) / 1000));
}

/** The server job's phase in words, and how far it is through that phase (null: not known). */
function describeJob(job: ImportJob, t: TFunction): { label: string; percent: number | null } {
  const p = job.progress;
  switch (p.phase) {
    case 'validate':
      return p.estimatedRows
        ? {
            label: t('householdImport.phaseValidateOf', {
              rows: formatCount(p.rowsChecked),
              total: formatCount(p.estimatedRows),
            }),
            percent: Math.min(99, Math.floor((p.rowsChecked / p.estimatedRows) * 100)),
          }
        : { label: t('householdImport.phaseValidate', { rows: formatCount(p.rowsChecked) }), percent: null };
    case 'check':
      return { label: t('householdImport.phaseCheck', { rows: formatCount(p.rowsChecked) }), percent: 100 };
    case 'write':
      return {
        label: t('householdImport.phaseWrite', {
          done: formatCount(p.householdsWritten),
          total: formatCount(p.householdsTotal ?? 0),
        }),
        percent: p.householdsTotal ? Math.floor((p.householdsWritten / p.householdsTotal) * 100) : 0,
      };
    default:
      return { label: t('householdImport.phaseQueued'), percent: null };
  }
}

/**
 * The running import: real upload progress from XHR, then the server job's phase and progress as
 * polled, with the time spent. Cancel is offered while nothing can have been written: during a dry
 * run, or while a commit is still uploading; it stops waiting (a dry run on the server writes nothing).
 */
export function ImportProgress({ state, onCancel }: { state: UploadState; onCancel: () => void }) {
  const { t } = useTranslation();
  const elapsed = useElapsedSeconds(state.since);
  const uploading = state.phase === 'upload';
  const server = state.job && !uploading ? describeJob(state.job, t) : null;
  const percent = uploading
    ? state.total > 0
      ? Math.floor((state.loaded / state.total) * 100)
      : 0
    : (server?.percent ?? 0);
  const cancellable = state.kind === 'check' || uploading;
  const label = uploading
    ? t('householdImport.uploading', { loaded: formatBytes(state.loaded), total: formatBytes(state.total) })
    : (server?.label ?? t(state.kind === 'check' ? 'householdImport.checking' : 'householdImport.writing'));
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="import-progress"
      data-phase={uploading ? 'upload' : (state.job?.progress.phase ?? 'server')}
    >
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={8}>
          {uploading ? null : <Spin size="small" />}
          <Typography.Text strong aria-live="polite" data-testid="import-progress-label">
            {label}
          </Typography.Text>
          {uploading ? null : (
            <Typography.Text type="secondary">{t('householdImport.elapsed', { s: elapsed })}</Typography.Text>
          )}
        </Flex>
        {cancellable ? (
          <Button size="small" onClick={onCancel} data-testid="import-cancel">
            {t('householdImport.cancel')}
          </Button>
        ) : null}
      </Flex>
      <Progress
        percent={percent}
        status="active"
        showInfo={uploading || server?.percent != null}
        aria-label={label}
      />
      {state.job?.notice ? <Typography.Text type="warning">{state.job.notice}</Typography.Text> : null}
      {uploading || elapsed < 5 ? null : (
        <Typography.Text type="secondary">{t('householdImport.slowHint')}</Typography.Text>
      )}
    </Card>
  );
}
