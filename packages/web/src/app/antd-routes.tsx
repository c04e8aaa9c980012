import { lazy, type ReactNode, Suspense } from 'react';
import { FullPageSpin } from '../lib/components/full-page-spin';
import { createQueryClient } from '../lib/query/query-client';
import { QueryProvider } from '../lib/query/query-provider';
import { AntdShell as AntdOnly } from './antd-shell';
import { AppLayout } from './app-layout';
import { RequireAuth } from './require-auth';
import { RequireEnrollment } from './require-enrollment';
import { RequirePermission } from './require-permission';

// The screens drawn with antd, outside the sign-in page: one lazily loaded module, so antd and the
// signed-in shell arrive together after sign-in (router.tsx).

const TotpSetupPage = lazy(() => import('../features/auth/pages/totp-setup-page'));
const DoorPlatesPage = lazy(() => import('../features/households/pages/door-plates-page'));
// antd's Result and its illustrations: only for the 404 and a crash.
const NotFound = lazy(() => import('./not-found-page'));
const RouteErrorResult = lazy(() => import('./route-error-result'));

// One cache for every screen after sign-in (the shell, the print and TOTP pages), emptied whenever
// the signed-in user changes (QueryProvider).
const queryClient = createQueryClient();

/** antd's providers and the query cache, around each screen below. */
function AntdShell({ children }: { children: ReactNode }) {
  return (
    <AntdOnly>
      <QueryProvider client={queryClient}>{children}</QueryProvider>
    </AntdOnly>
  );
}

/** `/` and below: the signed-in shell (menu, org tree, header) around the page. */
export function SignedInLayout() {
  return (
    <AntdShell>
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    </AntdShell>
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

/** Inside the shell, whose Outlet waits for lazy pages: a path the app does not know. */
export function NotFoundPage() {
  return <NotFound />;
}

export { RequirePermission };
