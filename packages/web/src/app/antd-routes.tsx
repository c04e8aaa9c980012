import { lazy, type ReactNode, Suspense } from 'react';
import { AntdShell as AntdOnly } from '../lib/antd/antd-shell';
import { FullPageSpin } from '../lib/components/full-page-spin';
import { QueryProvider } from '../lib/query/query-provider';
import { queryClient } from './query-client';
import { RequireAuth } from './require-auth';
import { RequireEnrollment } from './require-enrollment';
import { RequirePermission } from './require-permission';

// The screens outside the signed-in shell that are drawn with antd (TOTP enrollment, door plates, a
// route's error): one lazily loaded module with antd's providers. The shell is signed-in-routes.tsx.

const TotpSetupPage = lazy(() => import('../features/auth/pages/totp-setup-page'));
const DoorPlatesPage = lazy(() => import('../features/households/pages/door-plates-page'));
// antd's Result and its illustrations: only for a crash.
const RouteErrorResult = lazy(() => import('./route-error-result'));

/** antd's providers and the query cache, around each screen below. */
function AntdShell({ children }: { children: ReactNode }) {
  return (
    <AntdOnly>
      <QueryProvider client={queryClient}>{children}</QueryProvider>
    </AntdOnly>
  );
}

export function TotpSetupRoute() {
  return (
    <AntdShell>
      <RequireEnrollment>
        <Suspense fallback={<FullPageSpin />}>
          <TotpSetupPage />
        </Suspense>
      </RequireEnrollment>
    </AntdShell>
  );
}

/** Door plates print on bare A4 sheets, without the app's menu and header. */
export function DoorPlatesRoute() {
  return (
    <AntdShell>
      <RequireAuth>
        <RequirePermission permission="household.door_plate">
          <Suspense fallback={<FullPageSpin />}>
            <DoorPlatesPage />
          </Suspense>
        </RequirePermission>
      </RequireAuth>
    </AntdShell>
  );
}

/** A route's error (or a 404 outside the app's routes), which replaces the shell it broke. */
export function RouteErrorPage() {
  return (
    <AntdShell>
      <Suspense fallback={<FullPageSpin />}>
        <RouteErrorResult />
      </Suspense>
    </AntdShell>
  );
}
