import SafetyOutlined from '@ant-design/icons-svg/es/asn/SafetyOutlined';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SvgIcon } from '../../../lib/components/svg-icon';
import { AuthButton, AuthField } from './auth-field';

const TOTP_PATTERN = /^\s*\d{6}\s*$/;

/** The server's refusal of a code: a new object each time, so a second refusal clears the field again. */
export interface TotpRefusal {
  message: string;
}

/** The 6-digit code from the authenticator app; Enter submits. A refusal clears the field. */
export function TotpStep({
  submitting,
  refusal,
  onSubmit,
  onBack,
}: {
  submitting: boolean;
  refusal: TotpRefusal | null;
  onSubmit: (totp: string) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const [totp, setTotp] = useState('');
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    if (!refusal) return;
    setTotp('');
    setChecked(false);
  }, [refusal]);
  let message: string | null = null;
  if (checked && !totp.trim()) message = t('login.totpRequired');
  else if (checked && !TOTP_PATTERN.test(totp)) message = t('login.totpFormat');
  else if (!totp) message = refusal?.message ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (submitting || !TOTP_PATTERN.test(totp)) return;
    onSubmit(totp.trim());
  }

  return (
    <form className="fq-auth-form" noValidate onSubmit={submit}>
      <h2 className="fq-auth-subtitle">
        <SvgIcon icon={SafetyOutlined} /> {t('login.totpTitle')}
      </h2>
      <p className="fq-auth-hint">{t('login.totpHint')}</p>
      <AuthField
        label={t('login.totp')}
        value={totp}
        onChange={(event) => {
          setChecked(false);
          setTotp(event.target.value);
        }}
        error={message}
        autoFocus
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="000000"
        className="fq-auth-code"
        testId="login-totp"
      />
      <AuthButton type="submit" loading={submitting} testId="login-totp-submit">
        {t('login.totpSubmit')}
      </AuthButton>
      <AuthButton kind="link" onClick={onBack} testId="login-totp-back">
        {t('login.back')}
      </AuthButton>
    </form>
  );
}
