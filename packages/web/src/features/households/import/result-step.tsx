import type { ImportReport } from '@fengqiao/shared';
import { Alert, Button, Card, Col, Result, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatCount } from './format';

type Written = NonNullable<ImportReport['written']>;

/** Step 4: what the import wrote; households outside every grid link to the filtered list. */
export function ResultStep({
  report,
  written,
  fileName,
  onAgain,
}: {
  report: ImportReport;
  written: Written;
  fileName: string;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stats: { key: keyof Written; label: string }[] = [
    { key: 'householdsCreated', label: t('householdImport.householdsCreated') },
    { key: 'householdsMatched', label: t('householdImport.householdsMatched') },
    { key: 'residentsCreated', label: t('householdImport.residentsCreated') },
    { key: 'residentsUpdated', label: t('householdImport.residentsUpdated') },
    { key: 'residentsUnchanged', label: t('householdImport.residentsUnchanged') },
    { key: 'outsideGrid', label: t('householdImport.outsideGrid') },
  ];
  return (
    <div data-testid="import-result" style={{ maxWidth: 960, margin: '0 auto' }}>
      <Result
        status="success"
        title={t('householdImport.doneTitle')}
        subTitle={t('householdImport.doneSubtitle', { name: fileName })}
        extra={[
          <Button key="list" type="primary" onClick={() => navigate('/households')}>
            {t('householdImport.viewHouseholds')}
          </Button>,
          <Button key="again" onClick={onAgain} data-testid="import-again">
            {t('householdImport.again')}
          </Button>,
        ]}
        style={{ paddingBottom: 16 }}
      />
      <Card size="small">
        <Row gutter={[16, 12]}>
          {stats.map((s) => (
            <Col key={s.key} xs={12} sm={8} md={4}>
              <Statistic
                title={s.label}
                value={written[s.key]}
                styles={{
                  content: { color: s.key === 'outsideGrid' && written.outsideGrid ? '#cf1322' : undefined },
                }}
                data-testid={`import-written-${s.key}`}
              />
            </Col>
          ))}
        </Row>
        {report.invalidRows > 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t('householdImport.skipped', { n: formatCount(report.invalidRows) })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {written.outsideGrid > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('householdImport.outsideGridNote', { n: formatCount(written.outsideGrid) })}
          action={
            <Link to="/households?outsideGrid=true" data-testid="import-outside-link">
              {t('householdImport.viewOutside')}
            </Link>
          }
        />
      ) : null}
    </div>
  );
}
