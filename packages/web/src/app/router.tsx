import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/pages/login-page';
import { TotpSetupPage } from '../features/auth/pages/totp-setup-page';
import { FullPageSpin } from '../lib/components/full-page-spin';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { RequireAuth } from './require-auth';
import { RequireEnrollment } from './require-enrollment';
import { RequirePermission } from './require-permission';
import { RouteError } from './route-error';

// Pages load on demand so the login page does not pull in the map library.
const HomePage = lazy(() => import('../features/home/pages/home-page'));
const OrgsPage = lazy(() => import('../features/orgs/pages/orgs-page'));
const UsersPage = lazy(() => import('../features/users/pages/users-page'));
const TokensPage = lazy(() => import('../features/tokens/pages/tokens-page'));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page'));
const HouseholdsPage = lazy(() => import('../features/households/pages/households-page'));
const HouseholdFilePage = lazy(() => import('../features/households/pages/household-file-page'));
const HouseholdImportPage = lazy(() => import('../features/households/import/household-import-page'));
const DoorPlatesPage = lazy(() => import('../features/households/pages/door-plates-page'));
const QrLandingPage = lazy(() => import('../mobile/qr-landing-page'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    path: '/totp-setup',
    element: (
      <RequireEnrollment>
        <TotpSetupPage />
      </RequireEnrollment>
    ),
    errorElement: <RouteError />,
  },
  {
    // A scanned door plate: public; staff who may see the household are sent on to its file.
    path: '/h/:code',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <QrLandingPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    // Door plates print on bare A4 sheets, without the app's menu and header.
    path: '/households/print',
    element: (
      <RequireAuth>
        <RequirePermission permission="household.door_plate">
          <Suspense fallback={<FullPageSpin />}>
            <DoorPlatesPage />
          </Suspense>
        </RequirePermission>
      </RequireAuth>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
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
