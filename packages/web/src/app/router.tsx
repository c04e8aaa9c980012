import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { BootSpin } from '../lib/components/boot-spin';
import { DoorPlateLink } from './door-plate-link';

// Every screen loads on demand, so the entry holds only what they all share (React, the router,
// i18n, the session) and the sign-in page, drawn without antd, stays light. antd and the signed-in
// shell come in one module after sign-in; each page, and the map within a page, after that.
// Budgets: scripts/check-bundle-budgets.mjs.
const LoginPage = lazy(() => import('../features/auth/pages/login-page'));
const antdRoutes = () => import('./antd-routes');
const SignedInLayout = lazy(() => antdRoutes().then((m) => ({ default: m.SignedInLayout })));
const TotpSetupRoute = lazy(() => antdRoutes().then((m) => ({ default: m.TotpSetupRoute })));
const DoorPlatesRoute = lazy(() => antdRoutes().then((m) => ({ default: m.DoorPlatesRoute })));
const RouteErrorPage = lazy(() => antdRoutes().then((m) => ({ default: m.RouteErrorPage })));
const RequirePermission = lazy(() => antdRoutes().then((m) => ({ default: m.RequirePermission })));
const NotFoundPage = lazy(() => antdRoutes().then((m) => ({ default: m.NotFoundPage })));

const HomePage = lazy(() => import('../features/home/pages/home-page'));
const OrgsPage = lazy(() => import('../features/orgs/pages/orgs-page'));
const UsersPage = lazy(() => import('../features/users/pages/users-page'));
const TokensPage = lazy(() => import('../features/tokens/pages/tokens-page'));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page'));
const HouseholdsPage = lazy(() => import('../features/households/pages/households-page'));
const HouseholdFilePage = lazy(() => import('../features/households/pages/household-file-page'));
const HouseholdImportPage = lazy(() => import('../features/households/import/household-import-page'));

const loading = (page: ReactNode) => <Suspense fallback={<BootSpin />}>{page}</Suspense>;
const routeError = loading(<RouteErrorPage />);

export const router = createBrowserRouter([
  { path: '/login', element: loading(<LoginPage />), errorElement: routeError },
  { path: '/totp-setup', element: loading(<TotpSetupRoute />), errorElement: routeError },
  {
    // A scanned door plate is the server's page (qr.html), reached by a full load; see DoorPlateLink.
    path: '/h/:code',
    element: <DoorPlateLink />,
    errorElement: routeError,
  },
  { path: '/households/print', element: loading(<DoorPlatesRoute />), errorElement: routeError },
  {
    path: '/',
    element: loading(<SignedInLayout />),
    errorElement: routeError,
    // Rendered inside the shell's Outlet, whose Suspense shows antd's Spin while a page loads.
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'orgs',
        element: (
          <RequirePermission permission="org.read">
            <OrgsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'users',
        element: (
          <RequirePermission permission="user.read">
            <UsersPage />
          </RequirePermission>
        ),
      },
      {
        path: 'tokens',
        element: (
          <RequirePermission permission="token.manage">
            <TokensPage />
          </RequirePermission>
        ),
      },
      {
        path: 'households',
        element: (
          <RequirePermission permission="household.read">
            <HouseholdsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'households/import',
        element: (
          <RequirePermission permission="household.import">
            <HouseholdImportPage />
          </RequirePermission>
        ),
      },
      {
        path: 'households/:id',
        element: (
          <RequirePermission permission="household.read">
            <HouseholdFilePage />
          </RequirePermission>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequirePermission permission="audit.read">
            <AuditPage />
          </RequirePermission>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
