import { DownloadOutlined } from '@ant-design/icons';
import type { ImportReport } from '@fengqiao/shared';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Col,
  Collapse,
  Flex,
  Row,
  Statistic,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../../lib/download';
import { csvBlob, csvLine } from './csv';
import { formatCount } from './format';
import { IssuesTable } from './issues-table';

interface ReportStepProps {
  report: ImportReport;
  fileName: string;
  busy: boolean;
  onCommit: () => void;
  onCommitValid: () => void;
  onBack: () => void;
}

const baseName = (name: string) => name.replace(/\.[^.]+$/, '');

/** Step 3: the dry run's report, and the choice to import everything or only the valid rows. */
export function ReportStep({ report, fileName, busy, onCommit, onCommitValid, onBack }: ReportStepProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const hasErrors = report.errors.length > 0 || report.invalidRows > 0;
  const nothingValid = report.validRows === 0;

  function downloadErrors() {
    const kindError = t('householdImport.kindError');
    const kindWarning = t('householdImport.kindWarning');
    const lines = [
      csvLine([
        t('householdImport.row'),
        t('householdImport.column'),
        t('householdImport.kind'),
        t('householdImport.reason'),
      ]),
      ...report.errors.map((e) => csvLine([e.row, e.column, kindError, e.reason])),
      ...report.warnings.map((w) => csvLine([w.row, w.column, kindWarning, w.reason])),
    ];
    saveBlob(csvBlob(lines), t('householdImport.errorsFileName', { name: baseName(fileName) }));
  }

  function confirmCommitValid() {
    modal.confirm({
      title: t('common.confirmTitle'),
      content: t('householdImport.commitValidConfirm', {
        valid: formatCount(report.validRows),
        households: formatCount(report.households),
        invalid: formatCount(report.invalidRows),
      }),
      okText: t('householdImport.commitValidOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'import-commit-valid-confirm' } as ButtonProps,
      onOk: () => {
        onCommitValid();
      },
    });
  }

  const commitValidBlocked = !hasErrors
    ? t('householdImport.commitValidDisabled')
    : nothingValid
      ? t('householdImport.commitValidNone')
      : null;

  return (
    <Flex vertical gap={16}>
      <Alert
        type={nothingValid ? 'error' : hasErrors ? 'warning' : 'success'}
        showIcon
        title={
          nothingValid
            ? t('householdImport.noValidRows')
            : hasErrors
              ? t('householdImport.hasErrors', { invalid: formatCount(report.invalidRows) })
              : t('householdImport.allValid', {
                  rows: formatCount(report.rowsRead),
                  households: formatCount(report.households),
                })
        }
      />
      <Card size="small" data-testid="import-summary">
        <Row gutter={[16, 12]}>
          <Col xs={12} sm={8} lg={4}>
            <Statistic
              title={t('householdImport.rowsRead')}
              value={report.rowsRead}
              data-testid="import-rows-read"
            />
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Statistic
              title={t('householdImport.validRows')}
              value={report.validRows}
              styles={{ content: { color: report.validRows ? '#389e0d' : undefined } }}
              data-testid="import-valid-rows"
            />
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Statistic
              title={t('householdImport.invalidRows')}
              value={report.invalidRows}
              styles={{ content: { color: report.invalidRows ? '#cf1322' : undefined } }}
              data-testid="import-invalid-rows"
            />
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Statistic
              title={t('householdImport.households')}
              value={report.households}
              data-testid="import-households"
            />
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Statistic
              title={t('householdImport.outsideGridPlanned')}
              value={report.outsideGrid}
              styles={{ content: { color: report.outsideGrid ? '#d48806' : undefined } }}
              data-testid="import-outside-grid"
            />
          </Col>
          <Col xs={12} sm={8} lg={4}>
            <Statistic title={t('householdImport.warningCount')} value={report.warnings.length} />
          </Col>
        </Row>
        <Typography.Text type="secondary" data-testid="import-header-row-used">
          {t('householdImport.headerRowUsed', { row: report.headerRow })}
        </Typography.Text>
      </Card>
      {report.outsideGrid > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('householdImport.outsideGridPlannedNote', { n: formatCount(report.outsideGrid) })}
        />
      ) : null}
      <Flex justify="space-between" gap={8} wrap>
        <Button onClick={onBack} disabled={busy} data-testid="import-back">
          {t('householdImport.backToMapping')}
        </Button>
        <Flex gap={8} wrap>
          <Tooltip title={commitValidBlocked}>
            <Button
              disabled={busy || commitValidBlocked !== null}
              onClick={confirmCommitValid}
              data-testid="import-commit-valid"
            >
              {t('householdImport.commitValid')}
            </Button>
          </Tooltip>
          <Tooltip title={hasErrors ? t('householdImport.commitDisabled') : null}>
            <Button
              type="primary"
              onClick={onCommit}
              disabled={busy || hasErrors || nothingValid}
              data-testid="import-commit"
            >
              {t('householdImport.commit')}
            </Button>
          </Tooltip>
        </Flex>
      </Flex>
      <Card
        size="small"
        title={t('householdImport.errorsTitle', { n: formatCount(report.errors.length) })}
        extra={
          report.errors.length || report.warnings.length ? (
            <Button
              size="small"
              icon={<DownloadOutlined />}
              onClick={downloadErrors}
              data-testid="import-errors-download"
            >
              {t('householdImport.downloadErrors')}
            </Button>
          ) : null
        }
      >
        <IssuesTable items={report.errors} testId="import-errors-table" />
      </Card>
      {report.warnings.length ? (
        <Collapse
          size="small"
          items={[
            {
              key: 'warnings',
              label: (
                <Typography.Text>
                  {t('householdImport.warningsTitle', { n: formatCount(report.warnings.length) })}
                </Typography.Text>
              ),
              children: <IssuesTable items={report.warnings} testId="import-warnings-table" />,
            },
          ]}
          data-testid="import-warnings"
        />
      ) : null}
    </Flex>
  );
}
