import { type ReactNode, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { lazyWithAntd } from '../lib/antd/lazy-with-antd';
import { useAuth } from '../lib/auth/auth-context';
import { BootSpin } from '../lib/components/boot-spin';

// antd's Result loads only when the session check fails; the shell around it is drawn without antd.
const LoadFailedResult = lazyWithAntd(() => import('./load-failed-result'));

/** Lets a signed-in user with TOTP in order through; sends others to login or TOTP enrollment. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, status, error, signedOut, refresh } = useAuth();
  const location = useLocation();

  if (status === 'loading') return <BootSpin />;
  if (status === 'error') {
    return (
      <Suspense fallback={<BootSpin />}>
        <LoadFailedResult error={error} onRetry={() => void refresh()} />
      </Suspense>
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
