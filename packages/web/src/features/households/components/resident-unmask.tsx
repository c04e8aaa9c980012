import { EyeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { Resident, UnmaskedResident } from '@fengqiao/shared';
import { Alert, App, Button, type ButtonProps, Descriptions, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';
import { unmaskResident } from '../api';

/**
 * 查看完整信息 for one member: a confirmation that the look is recorded, the server call (audited
 * there), then the full values in a modal. The values live only while the modal is open.
 */
export function ResidentUnmaskButton({ resident }: { resident: Resident }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [shown, setShown] = useState<UnmaskedResident | null>(null);

  function confirm() {
    modal.confirm({
      title: t('households.unmaskConfirmTitle'),
      icon: <SafetyCertificateOutlined />,
      content: t('households.unmaskConfirm', { name: resident.name }),
      okText: t('households.unmaskOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'unmask-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          setShown(await unmaskResident(resident.id));
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  }

  return (
    <>
      <Button
        type="link"
        size="small"
        icon={<EyeOutlined />}
        onClick={confirm}
        data-testid={`resident-unmask-${resident.id}`}
      >
        {t('households.unmask')}
      </Button>
      <Modal
        open={!!shown}
        title={t('households.unmaskTitle', { name: shown?.name ?? '' })}
        onCancel={() => setShown(null)}
        footer={
          <Button type="primary" onClick={() => setShown(null)} data-testid="unmask-close">
            {t('common.close')}
          </Button>
        }
        destroyOnHidden
      >
        {shown ? (
          <>
            <Alert type="warning" showIcon title={t('households.unmaskNote')} style={{ marginBottom: 16 }} />
            <Descriptions column={1} size="small" bordered data-testid="unmasked-resident">
              <Descriptions.Item label={t('households.name')}>{shown.name}</Descriptions.Item>
              <Descriptions.Item label={t('households.idCard')}>
                <Typography.Text style={{ fontFamily: 'monospace' }} data-testid="unmasked-idcard">
                  {shown.idCard}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('households.birthDate')}>{shown.birthDate}</Descriptions.Item>
              <Descriptions.Item label={t('households.phone')}>
                {shown.phone ? (
                  <Typography.Text data-testid="unmasked-phone">{shown.phone}</Typography.Text>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('households.fullAddress')}>
                <span data-testid="unmasked-address">{shown.address}</span>
              </Descriptions.Item>
            </Descriptions>
          </>
        ) : null}
      </Modal>
    </>
  );
}
