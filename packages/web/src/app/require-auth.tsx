import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../lib/auth/auth-context';
import { FullPageSpin } from '../lib/components/full-page-spin';

// antd's Result loads only when the session check fails.
const LoadFailedResult = lazy(() => import('./load-failed-result'));

/** Lets a signed-in user with TOTP in order through; sends others to login or TOTP enrollment. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, status, error, signedOut, refresh } = useAuth();
  const location = useLocation();

  if (status === 'loading') return <FullPageSpin />;
  if (status === 'error') {
    return (
      <Suspense fallback={<FullPageSpin />}>
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
