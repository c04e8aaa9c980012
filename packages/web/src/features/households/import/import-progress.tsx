import { Button, Card, Flex, Progress, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from './format';
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

/**
 * The running request: real upload progress from XHR, then an open-ended "checking"/"writing"
 * status with the time spent while the server works. Cancel is offered while nothing can have been
 * written: during a dry run, or while a commit is still uploading.
 */
export function ImportProgress({ state, onCancel }: { state: UploadState; onCancel: () => void }) {
  const { t } = useTranslation();
  const elapsed = useElapsedSeconds(state.since);
  const uploading = state.phase === 'upload';
  const percent = uploading && state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : 100;
  const cancellable = state.kind === 'check' || uploading;
  const label = uploading
    ? t('householdImport.uploading', { loaded: formatBytes(state.loaded), total: formatBytes(state.total) })
    : t(state.kind === 'check' ? 'householdImport.checking' : 'householdImport.writing');
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="import-progress" data-phase={state.phase}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={8}>
          {uploading ? null : <Spin size="small" />}
          <Typography.Text strong aria-live="polite">
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
      <Progress percent={percent} status="active" showInfo={uploading} aria-label={label} />
      {uploading || elapsed < 5 ? null : (
        <Typography.Text type="secondary">{t('householdImport.slowHint')}</Typography.Text>
      )}
    </Card>
  );
}
