import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { useAuth } from '../lib/auth/auth-context';
import { FullPageSpin } from '../lib/components/full-page-spin';

/** The TOTP enrollment page: only for a signed-in user who still has to enroll. */
export function RequireEnrollment({ children }: { children: ReactNode }) {
  const { me, status } = useAuth();
  if (status === 'loading') return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace />;
  if (!me.totpEnrollmentRequired) return <Navigate to="/" replace />;
  return children;
}
