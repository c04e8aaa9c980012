import type { Permission } from '@fengqiao/shared';
import { type ReactNode, Suspense } from 'react';
import { lazyWithAntd } from '../lib/antd/lazy-with-antd';
import { useAuth } from '../lib/auth/auth-context';

// antd's Result (with its illustrations) loads only when someone meets the 403.
const ForbiddenResult = lazyWithAntd(() => import('./forbidden-result'));

/** Shows a 403 result instead of a page the user's roles may not use. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  if (can(permission)) return children;
  return (
    <Suspense fallback={null}>
      <ForbiddenResult />
    </Suspense>
  );
}
