import type { LoginBody } from '@fengqiao/shared';
import { Alert, Form, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/auth-context';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { FullPageSpin } from '../../../lib/components/full-page-spin';
import { login } from '../api';
import { AuthCard } from '../components/auth-card';
import { type Credentials, PasswordStep } from '../components/password-step';
import { TotpStep, type TotpValues } from '../components/totp-step';

/** Only same-site paths are followed after login. */
function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return '/';
  return value;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, status, setMe } = useAuth();
  const [params] = useSearchParams();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [error, setError] = useState<{ message: string; warning: boolean } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [totpForm] = Form.useForm<TotpValues>();

  if (status === 'loading') return <FullPageSpin />;
  if (me)
    return <Navigate to={me.totpEnrollmentRequired ? '/totp-setup' : safeNext(params.get('next'))} replace />;

  async function attempt(body: LoginBody) {
    setSubmitting(true);
    setError(null);
    try {
      setMe(await login(body));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') {
        setCredentials({ username: body.username, password: body.password });
        setStep('totp');
      } else if (err instanceof ApiError && err.code === 'totp_invalid') {
        totpForm.setFields([{ name: 'totp', value: '', errors: [errorMessage(err)] }]);
      } else {
        const warning =
          err instanceof ApiError && (err.code === 'rate_limited' || err.code === 'account_locked');
        setError({ message: errorMessage(err), warning });
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthCard>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('login.title')}
      </Typography.Title>
      {error ? (
        <Alert
          type={error.warning ? 'warning' : 'error'}
          showIcon
          title={error.message}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      ) : null}
      {step === 'password' ? (
        <PasswordStep
          initial={credentials}
          submitting={submitting}
          onSubmit={(values) => {
            setCredentials(values);
            void attempt(values);
          }}
        />
      ) : (
        <TotpStep
          form={totpForm}
          submitting={submitting}
          onSubmit={(totp) => credentials && void attempt({ ...credentials, totp })}
          onBack={() => {
            setError(null);
            totpForm.resetFields();
            setStep('password');
          }}
        />
      )}
    </AuthCard>
  );
}
