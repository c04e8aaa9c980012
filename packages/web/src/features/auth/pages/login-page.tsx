import type { LoginBody } from '@fengqiao/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth/auth-context';
import { BootSpin } from '../../../lib/components/boot-spin';
import { usePageTitle } from '../../../lib/page-title';
import { login } from '../api';
import { AuthCard } from '../components/auth-card';
import { type Credentials, PasswordStep } from '../components/password-step';
import { type TotpRefusal, TotpStep } from '../components/totp-step';

/** Only same-site paths are followed after login. */
function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) return '/';
  return value;
}

/** Sign-in: password, then the TOTP code where the account has one. Drawn without antd (budget). */
export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const { me, status, setMe } = useAuth();
  const [params] = useSearchParams();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [error, setError] = useState<{ message: string; warning: boolean } | null>(null);
  const [refusal, setRefusal] = useState<TotpRefusal | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (status === 'loading') return <BootSpin />;
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
        setRefusal({ message: errorMessage(err) });
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
      <h2 className="fq-auth-title">{t('login.title')}</h2>
      {error ? (
        <div
          className={
            error.warning ? 'fq-auth-alert fq-auth-alert-warning' : 'fq-auth-alert fq-auth-alert-error'
          }
          role="alert"
          data-testid="login-error"
        >
          {error.message}
        </div>
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
          refusal={refusal}
          submitting={submitting}
          onSubmit={(totp) => credentials && void attempt({ ...credentials, totp })}
          onBack={() => {
            setError(null);
            setRefusal(null);
            setStep('password');
          }}
        />
      )}
    </AuthCard>
  );
}

export default LoginPage;
