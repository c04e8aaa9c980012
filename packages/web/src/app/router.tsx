import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { lazyWithAntd } from '../lib/antd/lazy-with-antd';
import { BootSpin } from '../lib/components/boot-spin';
import { DoorPlateLink } from './door-plate-link';

// Every screen loads on demand, so the entry holds only what they all share (React, the router,
// i18n, the session) and the sign-in page, drawn without antd, stays light. The signed-in shell and
// the home page's first screen are drawn without antd too; antd and its providers come with each
// page that uses it (lazyWithAntd), and the map within a page after that.
// Budgets: scripts/check-bundle-budgets.mjs.
const LoginPage = lazy(() => import('../features/auth/pages/login-page'));
const signedInRoutes = () => import('./signed-in-routes');
const SignedInLayout = lazy(() => signedInRoutes().then((m) => ({ default: m.SignedInLayout })));
const RequirePermission = lazy(() => signedInRoutes().then((m) => ({ default: m.RequirePermission })));
const antdRoutes = () => import('./antd-routes');
const TotpSetupRoute = lazy(() => antdRoutes().then((m) => ({ default: m.TotpSetupRoute })));
const DoorPlatesRoute = lazy(() => antdRoutes().then((m) => ({ default: m.DoorPlatesRoute })));
const RouteErrorPage = lazy(() => antdRoutes().then((m) => ({ default: m.RouteErrorPage })));

const HomePage = lazy(() => import('../features/home/pages/home-page'));
const OrgsPage = lazyWithAntd(() => import('../features/orgs/pages/orgs-page'));
const UsersPage = lazyWithAntd(() => import('../features/users/pages/users-page'));
const TokensPage = lazyWithAntd(() => import('../features/tokens/pages/tokens-page'));
const AuditPage = lazyWithAntd(() => import('../features/audit/pages/audit-page'));
const HouseholdsPage = lazyWithAntd(() => import('../features/households/pages/households-page'));
const HouseholdFilePage = lazyWithAntd(() => import('../features/households/pages/household-file-page'));
const HouseholdImportPage = lazyWithAntd(() => import('../features/households/import/household-import-page'));
// antd's Result and its illustrations: only for a path the app does not know.
const NotFoundPage = lazyWithAntd(() => import('./not-found-page'));

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
    // Rendered inside the shell's Outlet, whose Suspense shows a spinner while a page loads.
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
