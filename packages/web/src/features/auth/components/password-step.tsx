import LockOutlined from '@ant-design/icons-svg/es/asn/LockOutlined';
import UserOutlined from '@ant-design/icons-svg/es/asn/UserOutlined';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthButton, AuthField } from './auth-field';

export interface Credentials {
  username: string;
  password: string;
}

/** Username and password; Enter submits. */
export function PasswordStep({
  initial,
  submitting,
  onSubmit,
}: {
  initial?: Credentials | null;
  submitting: boolean;
  onSubmit: (values: Credentials) => void;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(initial?.username ?? '');
  const [password, setPassword] = useState(initial?.password ?? '');
  const [checked, setChecked] = useState(false);
  const usernameError = checked && !username.trim() ? t('login.usernameRequired') : null;
  const passwordError = checked && !password ? t('login.passwordRequired') : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (submitting || !username.trim() || !password) return;
    onSubmit({ username: username.trim(), password });
  }

  return (
    <form className="fq-auth-form" noValidate onSubmit={submit}>
      <AuthField
        label={t('login.username')}
        icon={UserOutlined}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={usernameError}
        autoComplete="username"
        autoFocus
        maxLength={40}
        testId="login-username"
      />
      <AuthField
        label={t('login.password')}
        icon={LockOutlined}
        type="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={passwordError}
        autoComplete="current-password"
        maxLength={200}
        testId="login-password"
      />
      <AuthButton type="submit" loading={submitting} testId="login-submit">
        {t('login.submit')}
      </AuthButton>
    </form>
  );
}
