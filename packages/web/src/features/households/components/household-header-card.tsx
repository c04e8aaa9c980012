import { EnvironmentOutlined, PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { HouseholdFile } from '@fengqiao/shared';
import { Button, Card, Col, Descriptions, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../lib/auth/auth-context';
import { formatDateTime } from '../../../lib/format';
import { householdQrUrl } from '../api';
import { shownAddress } from '../shown-address';
import { GridName } from './grid-name';
import { ResidentTags } from './resident-tags';

/** The household at a glance: masked address, grid (or the outside-grid flag), members, door-plate QR. */
export function HouseholdHeaderCard({
  file,
  onEditLocation,
}: {
  file: HouseholdFile;
  onEditLocation: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [qrFailed, setQrFailed] = useState(false);
  const { household } = file;
  const located = household.lng !== null && household.lat !== null;

  return (
    <Card style={{ marginBottom: 16 }}>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={16}>
          <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="household-address">
            {shownAddress(household)}
          </Typography.Title>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('households.community')}>{household.community}</Descriptions.Item>
            <Descriptions.Item label={t('households.grid')}>
              <GridName name={household.gridName} outside={household.outsideGrid} />
            </Descriptions.Item>
            <Descriptions.Item label={t('households.headName')}>
              {household.headName ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('households.memberCount')}>
              <span data-testid="household-member-count">
                {t('households.memberCountValue', { n: file.residents.length })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('households.location')}>
              <Flex gap={4} align="center" wrap>
                <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {located ? `${household.lng}, ${household.lat}` : t('households.notLocated')}
                </span>
                {can('household.write') ? (
                  <Button
                    type="link"
                    size="small"
                    icon={<EnvironmentOutlined />}
                    onClick={onEditLocation}
                    data-testid="household-edit-location"
                  >
                    {t('households.editLocation')}
                  </Button>
                ) : null}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('households.updatedAt')}>
              {formatDateTime(household.updatedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('households.tags')} span={{ xs: 1, sm: 2 }}>
              <ResidentTags tags={household.tags} />
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {t('households.maskedNote')}
          </Typography.Paragraph>
        </Col>
        <Col xs={24} md={8}>
          <Flex vertical align="center" gap={8}>
            {qrFailed ? (
              <Flex
                align="center"
                justify="center"
                style={{ width: 160, height: 160, background: '#f5f5f5', borderRadius: 8 }}
              >
                <QrcodeOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />
              </Flex>
            ) : (
              <img
                src={householdQrUrl(household.id)}
                alt={t('households.qr')}
                width={160}
                height={160}
                onError={() => setQrFailed(true)}
                style={{ display: 'block', border: '1px solid #f0f0f0', borderRadius: 8 }}
                data-testid="household-qr"
              />
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('households.qrHint')}
            </Typography.Text>
            {can('household.door_plate') ? (
              <Button
                icon={<PrinterOutlined />}
                onClick={() => navigate(`/households/print?householdId=${encodeURIComponent(household.id)}`)}
                data-testid="household-print-plate"
              >
                {t('households.printPlate')}
              </Button>
            ) : null}
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
