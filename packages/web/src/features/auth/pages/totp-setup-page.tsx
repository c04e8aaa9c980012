import { Alert, App, Button, Flex, Form, Input, QRCode, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth/auth-context';
import { groupInFours } from '../../../lib/format';
import { usePageTitle } from '../../../lib/page-title';
import { enableTotp, setupTotp, type TotpSetup } from '../api';
import { AuthCard } from '../components/auth-card';

/** Admin accounts enroll an authenticator app before anything else. */
export function TotpSetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('totpSetup.title'));
  const { message } = App.useApp();
  const { refresh, logout } = useAuth();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [loading, setLoading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ totp: string }>();
  const started = useRef(false);

  async function start() {
    setLoading(true);
    setError(null);
    try {
      setSetup(await setupTotp());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: start once (the ref survives StrictMode's re-run)
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start();
  }, []);

  async function enable({ totp }: { totp: string }) {
    setSubmitting(true);
    try {
      await enableTotp(totp.trim());
      message.success(t('totpSetup.enabled'));
      await refresh();
    } catch (err) {
      form.setFields([{ name: 'totp', value: '', errors: [errorMessage(err)] }]);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthCard width={520}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('totpSetup.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('totpSetup.intro')}</Typography.Paragraph>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          action={
            <Button size="small" onClick={() => void start()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {loading ? <Spin style={{ display: 'block', margin: '24px auto' }} /> : null}
      {setup ? (
        <>
          <Typography.Paragraph>{t('totpSetup.step1')}</Typography.Paragraph>
          <Flex justify="center" style={{ marginBottom: 16 }}>
            <QRCode value={setup.otpauthUrl} size={184} bordered={false} />
          </Flex>
          <Typography.Paragraph>
            {t('totpSetup.secret')}
            {t('common.colon')}
            <Typography.Text code copyable={{ text: setup.secret }} data-testid="totp-secret">
              {groupInFours(setup.secret)}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph
            type="secondary"
            copyable={{ text: setup.otpauthUrl }}
            style={{ wordBreak: 'break-all', fontSize: 12 }}
            data-testid="totp-url"
          >
            {t('totpSetup.url')}
            {t('common.colon')}
            {setup.otpauthUrl}
          </Typography.Paragraph>
          <Typography.Paragraph>{t('totpSetup.step2')}</Typography.Paragraph>
          <Form form={form} layout="inline" onFinish={(values) => void enable(values)} style={{ rowGap: 8 }}>
            <Form.Item
              name="totp"
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
                style={{ width: 160, letterSpacing: 6, fontFamily: 'monospace' }}
                data-testid="totp-enroll-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="totp-enroll-submit">
              {t('totpSetup.enable')}
            </Button>
          </Form>
        </>
      ) : null}
      <Button type="link" onClick={() => void logout()} style={{ paddingInline: 0, marginTop: 16 }}>
        {t('header.logout')}
      </Button>
    </AuthCard>
  );
}

export default TotpSetupPage;
