import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../lib/api-client';
import { FullPageSpin } from '../lib/components/full-page-spin';
import { useAuth } from './auth-context';

/** Lets a signed-in user with TOTP in order through; sends others to login or TOTP enrollment. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, status, error, signedOut, refresh } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (status === 'loading') return <FullPageSpin />;
  if (status === 'error') {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={() => void refresh()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const query = next === '/' || signedOut ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${query}`} replace />;
  }
  if (me.totpEnrollmentRequired) return <Navigate to="/totp-setup" replace />;
  return children;
}
