import { SafetyOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface TotpValues {
  totp: string;
}

/** The 6-digit code from the authenticator app; Enter submits. */
export function TotpStep({
  form,
  submitting,
  onSubmit,
  onBack,
}: {
  form: FormInstance<TotpValues>;
  submitting: boolean;
  onSubmit: (totp: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Form<TotpValues>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={(values) => onSubmit(values.totp.trim())}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <SafetyOutlined /> {t('login.totpTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('login.totpHint')}</Typography.Paragraph>
      <Form.Item
        name="totp"
        label={t('login.totp')}
        rules={[
          { required: true, message: t('login.totpRequired') },
          { pattern: /^\s*\d{6}\s*$/, message: t('login.totpFormat') },
        ]}
      >
        <Input
          autoFocus
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="000000"
          style={{ letterSpacing: 6, fontFamily: 'monospace' }}
          data-testid="login-totp"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-totp-submit">
        {t('login.totpSubmit')}
      </Button>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }} data-testid="login-totp-back">
        {t('login.back')}
      </Button>
    </Form>
  );
}
