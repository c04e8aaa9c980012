import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { App, Button, Col, Flex, Form, type FormInstance, InputNumber, Radio, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PointPicker } from '../../map';
import { useOrgGeojsonQuery } from '../../orgs';

export interface LocationValues {
  lng?: number | null;
  lat?: number | null;
  coordSystem: 'wgs84' | 'gcj02';
}

/** The location part of a request: both coordinates and their system, or nothing. */
export function locationBody(values: LocationValues) {
  if (typeof values.lng !== 'number' || typeof values.lat !== 'number') return {};
  return { lng: values.lng, lat: values.lat, coordSystem: values.coordSystem };
}

/**
 * Longitude, latitude, their coordinate system (WGS-84 by default; phone map apps give GCJ-02) and
 * a button taking the device's position, and a map to click or drag the point on. `required` makes
 * the pair mandatory.
 */
export function LocationFields({
  form,
  required = false,
  testIdPrefix,
}: {
  form: FormInstance;
  required?: boolean;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [locating, setLocating] = useState(false);
  const [picking, setPicking] = useState(false);
  const grids = useOrgGeojsonQuery('grid', picking);
  const lng = Form.useWatch('lng', form) as number | null | undefined;
  const lat = Form.useWatch('lat', form) as number | null | undefined;
  const system = Form.useWatch('coordSystem', form) as LocationValues['coordSystem'] | undefined;
  // The map draws stored WGS-84 as it is; GCJ-02 typed in is converted by the server, so no marker
  // is put where it would be hundreds of metres off.
  const marker: [number, number] | null =
    typeof lng === 'number' && typeof lat === 'number' && system !== 'gcj02' ? [lng, lat] : null;

  function pick(pickedLng: number, pickedLat: number) {
    // A point picked on the map is in the map's system.
    form.setFieldsValue({ lng: pickedLng, lat: pickedLat, coordSystem: 'wgs84' });
    void form.validateFields(['lng', 'lat']);
  }

  function locate() {
    if (!navigator.geolocation) {
      message.error(t('households.locateUnsupported'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        // The browser's Geolocation API reports WGS-84.
        form.setFieldsValue({
          lng: Number(position.coords.longitude.toFixed(6)),
          lat: Number(position.coords.latitude.toFixed(6)),
          coordSystem: 'wgs84',
        });
        void form.validateFields(['lng', 'lat']);
      },
      (err) => {
        setLocating(false);
        message.error(t('households.locateFailed', { message: err.message }));
      },
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  // Both or neither: half a location is an error, not "no location".
  const pairRule = (other: 'lng' | 'lat') => ({
    validator: async (_: unknown, value: number | null | undefined) => {
      const has = typeof value === 'number';
      const otherHas = typeof form.getFieldValue(other) === 'number';
      if (!has && (otherHas || required)) throw new Error(t('households.coordPairRequired'));
    },
  });

  return (
    <>
      <Form.Item
        label={t('households.location')}
        required={required}
        extra={t('households.coordHelp')}
        style={{ marginBottom: 12 }}
      >
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="lng" noStyle dependencies={['lat']} rules={[pairRule('lat')]}>
              <InputNumber<number>
                min={-180}
                max={180}
                step={0.000001}
                precision={6}
                placeholder={t('households.lng')}
                style={{ width: '100%' }}
                inputMode="decimal"
                data-testid={`${testIdPrefix}-lng`}
              />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="lat" noStyle dependencies={['lng']} rules={[pairRule('lng')]}>
              <InputNumber<number>
                min={-90}
                max={90}
                step={0.000001}
                precision={6}
                placeholder={t('households.lat')}
                style={{ width: '100%' }}
                inputMode="decimal"
                data-testid={`${testIdPrefix}-lat`}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form.Item>
      <Form.Item name="coordSystem" label={t('households.coordSystem')}>
        <Radio.Group
          options={[
            { value: 'wgs84', label: t('households.wgs84') },
            { value: 'gcj02', label: t('households.gcj02') },
          ]}
          data-testid={`${testIdPrefix}-coord-system`}
        />
      </Form.Item>
      <Flex wrap gap={8}>
        <Button
          icon={<AimOutlined />}
          loading={locating}
          onClick={locate}
          data-testid={`${testIdPrefix}-locate`}
        >
          {t('households.useMyLocation')}
        </Button>
        <Button
          icon={<EnvironmentOutlined />}
          type={picking ? 'primary' : 'default'}
          onClick={() => setPicking((on) => !on)}
          data-testid={`${testIdPrefix}-pick`}
        >
          {picking ? t('households.hideMap') : t('households.pickOnMap')}
        </Button>
      </Flex>
      {picking ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {system === 'gcj02' ? t('households.pickSwitchesToWgs') : t('households.pickHint')}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            <PointPicker testId={`${testIdPrefix}-map`} value={marker} onPick={pick} areas={grids.data} />
          </div>
        </div>
      ) : null}
    </>
  );
}
